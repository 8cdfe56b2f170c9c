using Huawu.LoadTests.Cli;

return await LoadCli.RunAsync(args);
