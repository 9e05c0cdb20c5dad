using System;
using System.IO;
using System.Linq;
using System.Reflection;
using TapiGen.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Tests.Json
{
    /// <summary>README's JSON example compiles against the generated enums, runs, and prints what its comment says.</summary>
    public class ReadmeExampleTests
    {
        private const string Marker = "<!-- json-example";

        [Fact]
        public void The_README_JSON_example_compiles_and_writes_what_it_shows()
        {
            string code = ReadmeBlocks.After(Marker);
            string expected = code.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("// {", StringComparison.Ordinal)).Substring(3);

            const string ns = "Contoso.Telephony.Tapi3";
            var manifests = new[] { "ne-tapi3if-tapi_event.md", "ne-tapi3-agent_session_event.md", "ne-tapi3if-call_state.md" }
                .Select(page => TestManifests.Page(page) with { Namespace = ns });
            Assembly assembly = JsonCompilation.Load(manifests, consumer: code, checkWarnings: false);
            string json = (string)assembly.GetType("JsonExample")!.GetMethod("Run")!.Invoke(null, null)!;
            Assert.Equal(expected, json);
        }
    }
}
