using System;
using System.IO;
using System.Linq;
using TapiGen.Generator.Diagnostics;
using TapiGen.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Tests
{
    /// <summary>
    /// The analyzer release files list every diagnostic with its category, severity and title, as Roslyn's release
    /// tracking would check if it could read our descriptors (they are made at run time from DiagnosticKinds).
    /// </summary>
    public class ReleaseTrackingTests
    {
        [Fact]
        public void The_release_files_list_every_diagnostic_once_as_it_is_declared()
        {
            string folder = Path.Combine(RepoPaths.Root, "generator", "TapiGen.Generator", "Diagnostics");
            var rows = new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" }
                .SelectMany(f => File.ReadAllLines(Path.Combine(folder, f)))
                .Where(l => l.StartsWith("TG", StringComparison.Ordinal))
                .Select(l => l.Split('|').Select(c => c.Trim()).ToArray())
                .ToList();

            Assert.Equal(rows.Select(r => r[0]).Distinct().Count(), rows.Count);
            Assert.Equal(
                DiagnosticDescriptors.All.Select(d => d.Id + " | " + d.Category + " | " + d.Severity + " | " + d.Title).OrderBy(x => x, StringComparer.Ordinal),
                rows.Select(r => string.Join(" | ", r.Take(4))).OrderBy(x => x, StringComparer.Ordinal));
        }
    }
}
