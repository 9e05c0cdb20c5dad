using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TapiGen.Tests.Infrastructure;
using System.Text;
using System.Threading;
using TapiGen.Generator.Model;
using TapiGen.Generator.Parsing;
using Xunit;

namespace TapiGen.Tests
{
    /// <summary>
    /// Writes what the doc converter makes of every corpus and test page to the file TAPIGEN_DOC_DUMP names, so that a
    /// change of the converter can be reviewed as a diff of two dumps. Does nothing without the variable.
    /// </summary>
    public class DocDumpTests
    {
        [Fact]
        public void DumpCorpusDocs()
        {
            string? output = Environment.GetEnvironmentVariable("TAPIGEN_DOC_DUMP");
            if (string.IsNullOrEmpty(output))
            {
                return;
            }

            var pages = new List<string>();
            pages.AddRange(Directory.GetFiles(RepoPaths.CorpusRoot, "ne-*.md", SearchOption.AllDirectories));
            pages.AddRange(Directory.GetFiles(Path.Combine(RepoPaths.Root, "tests"), "*.md", SearchOption.AllDirectories)
                .Where(p => Path.GetFileName(p).StartsWith("ne-", StringComparison.Ordinal))
                .Where(p => !p.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)));
            var sb = new StringBuilder();
            foreach (string path in pages.OrderBy(p => p, StringComparer.Ordinal))
            {
                string text = File.ReadAllText(path);
                sb.Append("==== ").Append(path).Append('\n');
                var file = new ManifestFile(path, text, GeneratorOptions.Default("Tapi.Tests", "test"), EquatableArray<DiagnosticInfo>.Empty) { TextLength = text.Length };
                PageParse page = ManifestParser.Parse(file, CancellationToken.None);
                Lines(sb, "summary", page.SummaryLines);
                Lines(sb, "remarks", page.RemarksLines);
                foreach (PageMember m in page.Members)
                {
                    Lines(sb, "member " + m.Name, m.DocLines);
                    sb.Append("  plain: ").Append(m.PlainDescription).Append('\n');
                }

                foreach (PageSubHeading s in page.SubHeadings)
                {
                    Lines(sb, "sub " + s.Name, s.DocLines);
                    sb.Append("  plain: ").Append(s.PlainDescription).Append('\n');
                }
            }

            File.WriteAllText(output, sb.ToString());
        }

        private static void Lines(StringBuilder sb, string title, IEnumerable<string> lines)
        {
            sb.Append("-- ").Append(title).Append('\n');
            foreach (string line in lines)
            {
                sb.Append("  | ").Append(line).Append('\n');
            }
        }
    }
}
