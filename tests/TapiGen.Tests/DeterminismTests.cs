using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using TapiGen.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Tests
{
    /// <summary>Same inputs, byte-identical outputs: whatever the file order, line endings or current culture.</summary>
    public class DeterminismTests
    {
        private static readonly TestManifest[] s_manifests =
        {
            TestManifests.Page("ne-tapi3-agent_session_event.md"),
            TestManifests.Page("ne-inputscope-inputscope.md"),
            TestManifests.Page("ne-propsys-propdesc_type_flags.md"),
            TestManifests.Page("ne-tapi3if-tapi_event.md"),
        };

        private static string Render(GeneratorDriverRunResult result)
            => string.Join("\n---\n", result.GeneratedTrees.OrderBy(t => t.FilePath, System.StringComparer.Ordinal).Select(t => t.FilePath + "\n" + t.GetText()))
               + "\n" + string.Join("\n", result.Diagnostics.Select(d => d.ToString()).OrderBy(s => s, System.StringComparer.Ordinal));

        [Fact]
        public void File_order_does_not_change_the_output()
        {
            string forward = Render(GeneratorHarness.Run(s_manifests));
            string backward = Render(GeneratorHarness.Run(s_manifests.Reverse().ToArray()));
            Assert.Equal(forward, backward);
        }

        [Fact]
        public void Line_endings_do_not_change_the_output()
        {
            string lf = Render(GeneratorHarness.Run(s_manifests.Select(m => m with { Text = m.Text.Replace("\r\n", "\n") }).ToArray()));
            string crlf = Render(GeneratorHarness.Run(s_manifests.Select(m => m with { Text = m.Text.Replace("\r\n", "\n").Replace("\n", "\r\n") }).ToArray()));
            Assert.Equal(lf, crlf);
            Assert.DoesNotContain("\r", lf);
        }

        [Theory]
        [InlineData("tr-TR")]
        [InlineData("ar-SA")]
        [InlineData("fa-IR")]
        public void Culture_does_not_change_the_output(string culture)
        {
            string invariant = Render(GeneratorHarness.Run(s_manifests));
            CultureInfo saved = CultureInfo.CurrentCulture, savedUi = CultureInfo.CurrentUICulture;
            try
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
                Assert.Equal(invariant, Render(GeneratorHarness.Run(s_manifests)));
            }
            finally
            {
                CultureInfo.CurrentCulture = saved;
                CultureInfo.CurrentUICulture = savedUi;
            }
        }
    }
}
