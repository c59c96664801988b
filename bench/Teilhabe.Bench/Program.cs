using Teilhabe.Bench;

var options = BenchOptions.Parse(args);
switch (options.Mode)
{
    case "run":
        await BenchRun.RunAsync(options);
        break;
    case "summary":
        Report.WriteLatest(options);
        break;
    default:
        Console.Error.WriteLine("usage: Teilhabe.Bench [run|summary] --url … --provider Postgres|Sqlite --connection … --pid … (see bench/README.md)");
        return 2;
}

return 0;
