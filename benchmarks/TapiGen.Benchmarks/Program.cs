using BenchmarkDotNet.Running;

namespace TapiGen.Benchmarks
{
    /// <summary>
    /// dotnet run -c Release --project benchmarks/TapiGen.Benchmarks -- --filter '*'
    /// (add --job dry for a smoke run that only proves every benchmark still runs).
    /// </summary>
    public static class Program
    {
        public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
