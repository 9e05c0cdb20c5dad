using System;
using System.IO;
using System.Linq;

namespace TapiGen.Tests.Infrastructure
{
    /// <summary>Manifests for tests: copies of corpus pages shipped with the tests, and small ones written inline.</summary>
    public static class TestManifests
    {
        /// <summary>A page from tests/TapiGen.Tests/Manifests (copied to the output folder).</summary>
        public static TestManifest Page(string fileName)
        {
            string path = Path.Combine(AppContext.BaseDirectory, "Manifests", fileName);
            return new TestManifest("/manifests/" + fileName, File.ReadAllText(path));
        }

        /// <summary>
        /// A minimal manifest with the given member headings (each "NAME", "NAME:VALUE", ...), each followed by a
        /// one-line description. Line numbers are predictable: the first heading is on line 9, then every 4 lines.
        /// </summary>
        public static TestManifest Inline(string enumName, params string[] fieldHeadings)
        {
            string text = "---\n"
                + "title: " + enumName + " (test.h)\n"
                + "---\n"
                + "\n"
                + "# " + enumName + " enumeration\n"
                + "\n"
                + "## -enum-fields\n"
                + "\n"
                + string.Concat(fieldHeadings.Select(h => "### -field " + h + "\n\nDescription of " + h.Split(':', ' ')[0] + ".\n\n"));
            return new TestManifest("/manifests/" + enumName.ToLowerInvariant() + ".md", text);
        }

        /// <summary>Line (1-based) of the i-th (0-based) heading of an <see cref="Inline"/> manifest.</summary>
        public static int InlineHeadingLine(int index) => 9 + (4 * index);
    }
}
