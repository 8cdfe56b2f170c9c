using BenchmarkDotNet.Running;

// `make bench` runs every benchmark; pass BenchmarkDotNet filters to run some, e.g. --filter '*Parse*'.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
