using Remittance.Cli;

return await CliApp.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
