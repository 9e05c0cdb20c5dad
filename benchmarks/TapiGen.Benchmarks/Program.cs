using System.Linq;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace TapiGen.Benchmarks
{
    /// <summary>
    /// dotnet run -c Release --project benchmarks/TapiGen.Benchmarks -- --filter '*'
    /// (CI runs `-- --filter '*' --job dry --inProcess`: a smoke run that only proves every benchmark still runs).
    /// Exits 1 when a benchmark fails to build or run, or a setup check finds TapiGen and the baseline disagreeing.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            Summary[] summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args).ToArray();
            bool failed = summaries.Length == 0
                || summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Length != s.BenchmarksCases.Length)
                || summaries.SelectMany(s => s.Reports).Any(r => !r.Success || r.ExecuteResults.Any(e => e.ExitCode != 0));
            System.Console.WriteLine(failed ? "Benchmarks: FAILED" : "Benchmarks: all ran");
            return failed ? 1 : 0;
        }
    }
}
