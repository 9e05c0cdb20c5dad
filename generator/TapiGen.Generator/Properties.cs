using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("TapiGen.Tests")]
[assembly: InternalsVisibleTo("TapiGen.Benchmarks")]
