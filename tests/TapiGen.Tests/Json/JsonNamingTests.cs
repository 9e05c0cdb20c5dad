using System;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using TapiGen.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Tests.Json
{
    /// <summary>TapiGenJsonNaming: names computed at compile time, written and read by both sides.</summary>
    public class JsonNamingTests
    {
        private static readonly TestManifest s_manifest = TestManifests.Inline("AGENT_STATE", "AS_NOT_READY:1", "AS_READY:2", "AS_BUSY_WRAPUP:3", "AS_LEVEL_9_1:4");

        [Theory]
        [InlineData("AsIs", "AS_NOT_READY", "AS_LEVEL_9_1")]
        [InlineData("CamelCase", "asNotReady", "asLevel9_1")]
        [InlineData("PascalCase", "AsNotReady", "AsLevel9_1")]
        [InlineData("SnakeCaseLower", "as_not_ready", "as_level_9_1")]
        [InlineData("SnakeCaseUpper", "AS_NOT_READY", "AS_LEVEL_9_1")]
        [InlineData("KebabCaseLower", "as-not-ready", "as-level-9-1")]
        [InlineData("KebabCaseUpper", "AS-NOT-READY", "AS-LEVEL-9-1")]
        public void Names_follow_the_naming_option_both_ways(string naming, string notReady, string level)
        {
            Assembly assembly = JsonCompilation.Load(new[] { s_manifest }, JsonCompilation.Properties(("JsonNaming", naming)), checkWarnings: false);
            Type type = JsonCompilation.EnumType(assembly, "AGENT_STATE");
            Assert.Equal("\"" + notReady + "\"", JsonDriver.Write(JsonDriver.Value(type, 1), type));
            Assert.Equal("\"" + level + "\"", JsonDriver.Write(JsonDriver.Value(type, 4), type));
            Assert.Equal(JsonDriver.Value(type, 1), JsonDriver.Read("\"" + notReady + "\"", type));
            Assert.Equal(JsonDriver.Value(type, 4), JsonDriver.Read("\"" + level + "\"", type));
        }

        /// <summary>
        /// Our naming splits words at '_' first, so SDK names in capitals come out as words; JsonNamingPolicy.CamelCase
        /// only lowers the leading capitals. The README documents the difference with these values.
        /// </summary>
        [Fact]
        public void CamelCase_is_word_based_unlike_JsonNamingPolicy_CamelCase()
        {
            Assembly assembly = JsonCompilation.Load(new[] { s_manifest }, JsonCompilation.Properties(("JsonNaming", "CamelCase")), checkWarnings: false);
            Type type = JsonCompilation.EnumType(assembly, "AGENT_STATE");
            Assert.Equal("\"asNotReady\"", JsonDriver.Write(JsonDriver.Value(type, 1), type));
            var policy = new JsonSerializerOptions { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };
            Assert.Equal("\"aS_NOT_READY\"", JsonDriver.Write(JsonDriver.Value(type, 1), type, policy));
            Assert.Equal("as_not_ready", JsonNamingPolicy.SnakeCaseLower.ConvertName("AS_NOT_READY"));
        }

        [Fact]
        public void Names_that_collide_or_vanish_get_TG0024_and_still_compile()
        {
            var manifest = TestManifests.Inline("CLASHES", "a_b:1", "A_B:2", "_:3");
            var output = JsonCompilation.Compile(new[] { manifest }, JsonCompilation.Properties(("JsonNaming", "SnakeCaseLower")));
            var warnings = output.Result.Diagnostics.Where(d => d.Id == "TG0024").Select(d => d.GetMessage()).OrderBy(m => m, StringComparer.Ordinal).ToList();
            Assert.Equal(2, warnings.Count);
            Assert.Contains("member '_' gets the JSON name '' under JsonNaming SnakeCaseLower, which is empty, so its text name '_' is used instead", warnings[1]);
            Assert.Contains("member 'A_B' gets the JSON name 'a_b' under JsonNaming SnakeCaseLower, which member 'a_b' has too, so reading it gives 'a_b'", warnings[0]);
            Assert.All(output.Result.Diagnostics.Where(d => d.Id == "TG0024"), d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));

            Type type = JsonCompilation.EnumType(GeneratorHarness.Load(output.Compilation), "CLASHES");
            Assert.Equal("\"_\"", JsonDriver.Write(JsonDriver.Value(type, 3), type));
            Assert.Equal(JsonDriver.Value(type, 3), JsonDriver.Read("\"_\"", type));
            Assert.Equal(JsonDriver.Value(type, 1), JsonDriver.Read("\"a_b\"", type));
        }
    }
}
