using BenchmarkDotNet.Running;

// `make bench` runs every benchmark; pass BenchmarkDotNet filters to run some, e.g. --filter '*Parse*'.
// Not typeof(Program): the server assembly (referenced for its benchmarks) has a Program of its own.
BenchmarkSwitcher.FromAssembly(System.Reflection.Assembly.GetExecutingAssembly()).Run(args);
