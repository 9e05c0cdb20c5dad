using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using TapiGen.Generator.Model;
using TapiGen.Generator.Parsing.Headers;
using Xunit;
using Xunit.Abstractions;

namespace TapiGen.Tests.Headers
{
    /// <summary>
    /// The reader over every header of the Windows SDK's um/ and shared/ folders: no exception, and every named enum
    /// either evaluated or given a located problem. Opt-in (TAPIGEN_HEADER_SCALE=1): it reads about 1,750 headers.
    /// </summary>
    public class SdkScaleTests
    {
        private readonly ITestOutputHelper _output;

        public SdkScaleTests(ITestOutputHelper output) => _output = output;

        internal static string SdkInclude()
        {
            string root = typeof(SdkScaleTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "NuGetPackageRoot").Value!;
            return Path.Combine(root, "microsoft.windows.sdk.cpp", "10.0.26100.9169", "c", "Include", "10.0.26100.0");
        }

        [Fact]
        public void Every_enum_of_the_SDK_evaluates_or_is_diagnosed_at_a_line()
        {
            if (Environment.GetEnvironmentVariable("TAPIGEN_HEADER_SCALE") != "1")
            {
                _output.WriteLine("Skipped: set TAPIGEN_HEADER_SCALE=1 to read every header of the SDK.");
                return;
            }

            string include = SdkInclude();
            var paths = Directory.GetFiles(Path.Combine(include, "um"), "*.h").Concat(Directory.GetFiles(Path.Combine(include, "shared"), "*.h")).OrderBy(p => p, StringComparer.Ordinal).ToList();
            var stopwatch = Stopwatch.StartNew();
            var parsed = paths.Select(p => HeaderReader.Read(new HeaderFile(p, File.ReadAllText(p), (int)new FileInfo(p).Length), CancellationToken.None)).ToList();
            TimeSpan readTime = stopwatch.Elapsed;
            var index = new HeaderIndex(parsed.ToEquatableArray());
            var results = index.EvaluateAll().ToList();
            TimeSpan total = stopwatch.Elapsed;

            int evaluated = results.Count(r => r.Enum is not null);
            var problems = results.Where(r => r.Problem is not null).ToList();
            _output.WriteLine($"{paths.Count} headers, {results.Count} named enum bodies: {evaluated} evaluated, {problems.Count} diagnosed; read {readTime.TotalSeconds:F1} s, total {total.TotalSeconds:F1} s");
            foreach (var group in problems.GroupBy(r => Reason(r.Problem!.Message)).OrderByDescending(g => g.Count()).Take(25))
            {
                _output.WriteLine($"  {group.Count(),5}  {group.Key}   e.g. {Path.GetFileName(group.First().Problem!.Path)}:{group.First().Problem!.Line + 1}");
            }

            foreach (var r in problems.Take(60))
            {
                _output.WriteLine("    " + Path.GetFileName(r.Problem!.Path) + ":" + (r.Problem.Line + 1) + " " + r.Problem.Message);
            }

            Assert.All(results, r => Assert.True(r.Enum is not null || r.Problem is not null));
            Assert.All(problems, r => Assert.True(r.Problem!.Line >= 0));
        }

        /// <summary>A problem's message without its names, so equal reasons group.</summary>
        private static string Reason(string message)
        {
            string m = System.Text.RegularExpressions.Regex.Replace(message, "'[^']*'", "'…'");
            return m.Length > 140 ? m.Substring(0, 140) : m;
        }
    }
}
