using CchcAnalytics.Cli;

return CchcCli.Run(args, Console.Out, Console.Error);
