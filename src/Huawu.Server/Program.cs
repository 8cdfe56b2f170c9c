using Huawu.Server.Cli;

return await HuawuCli.RunAsync(args);
