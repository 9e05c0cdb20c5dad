using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TapiGen.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Tests.Json
{
    /// <summary>
    /// The converters compile with every warning as an error wherever System.Text.Json exists: C# 7.3 to preview on
    /// net8.0, and netstandard2.0/net472 with the STJ packages, whose older versions lack APIs the converter then does without.
    /// </summary>
    public class JsonCompatibilityTests
    {
        private static readonly TestManifest[] s_pages =
        {
            TestManifests.Page("ne-tapi3-agent_session_event.md"),
            TestManifests.Page("ne-tapi3if-tapi_event.md"),
            TestManifests.Page("ne-propsys-propdesc_type_flags.md"),
            // InputScope (negative values, 100 members) compiles in the core CompatibilityTests with its converter.
            TestManifests.Page("ne-tapi3if-call_state.md"),
            TestManifests.Inline("WIDE", "A:-1", "B:0x100000000"),
            TestManifests.Inline("UWIDE", "A:0", "B:0xFFFFFFFFFFFFFFFF"),
            TestManifests.Inline("KEYWORDS", "int", "event:5", "class"),
            TestManifests.Inline("FLAGS64", "NONE:0", "A:0x1", "B:0x2", "C:0x4", "TOP:0x8000000000000000"),
            TestManifests.Inline("EMPTY"),
            TestManifests.Inline("UNICODE", "\u00C4RGER:1", "\u00E4rger:2", "Stra\u00DFe:3"),
        };

        public static TheoryData<LanguageVersion, TargetRefs, StjPackage> Targets() => new TheoryData<LanguageVersion, TargetRefs, StjPackage>
        {
            { LanguageVersion.CSharp7_3, TargetRefs.Net80, StjPackage.Framework },
            { LanguageVersion.CSharp8, TargetRefs.Net80, StjPackage.Framework },
            { LanguageVersion.CSharp10, TargetRefs.Net80, StjPackage.Framework },
            { LanguageVersion.CSharp11, TargetRefs.Net80, StjPackage.Framework },
            { LanguageVersion.Latest, TargetRefs.Net80, StjPackage.Framework },
            { LanguageVersion.Preview, TargetRefs.Net80, StjPackage.Framework },
            { LanguageVersion.CSharp7_3, TargetRefs.NetStandard20, StjPackage.V8_0_5 },
            { LanguageVersion.Latest, TargetRefs.NetStandard20, StjPackage.V8_0_5 },
            { LanguageVersion.CSharp7_3, TargetRefs.NetStandard20, StjPackage.V6_0_11 },
            { LanguageVersion.CSharp8, TargetRefs.Net472, StjPackage.V6_0_11 },
            { LanguageVersion.CSharp7_3, TargetRefs.NetStandard20, StjPackage.V4_7_2 },
            { LanguageVersion.Latest, TargetRefs.Net472, StjPackage.V4_7_2 },
        };

        [Theory]
        [MemberData(nameof(Targets))]
        public void Converters_compile_without_warnings(LanguageVersion version, TargetRefs refs, StjPackage stj)
        {
            var output = JsonCompilation.Compile(s_pages, languageVersion: version, refs: refs, stj: stj);
            Assert.Equal(s_pages.Length, output.Result.GeneratedTrees.Count(t => t.FilePath.EndsWith(".JsonConverter.g.cs", System.StringComparison.Ordinal)));
        }

        public static TheoryData<LanguageVersion, TargetRefs, StjPackage, string> NewtonsoftTargets() => new TheoryData<LanguageVersion, TargetRefs, StjPackage, string>
        {
            { LanguageVersion.CSharp7_3, TargetRefs.NetStandard20, StjPackage.V8_0_5, "13.0.4" },
            { LanguageVersion.CSharp7_3, TargetRefs.NetStandard20, StjPackage.Framework, "13.0.4" }, // no STJ, no System.Memory
            { LanguageVersion.CSharp8, TargetRefs.Net472, StjPackage.V4_7_2, "12.0.3" },
            { LanguageVersion.Latest, TargetRefs.Net80, StjPackage.Framework, "13.0.4" },
            { LanguageVersion.Preview, TargetRefs.Net80, StjPackage.Framework, "12.0.3" },
        };

        /// <summary>Newtonsoft.Json 13 is nullable-annotated, 12 is not: the overrides compile against both.</summary>
        [Theory]
        [MemberData(nameof(NewtonsoftTargets))]
        public void Newtonsoft_converters_compile_without_warnings(LanguageVersion version, TargetRefs refs, StjPackage stj, string newtonsoft)
        {
            var output = JsonCompilation.Compile(s_pages, JsonCompilation.Properties(("NewtonsoftAttribute", "true")), languageVersion: version, refs: refs, stj: stj, newtonsoft: newtonsoft);
            Assert.Equal(s_pages.Length, output.Result.GeneratedTrees.Count(t => t.FilePath.EndsWith(".NewtonsoftJsonConverter.g.cs", System.StringComparison.Ordinal)));
            Assert.All(
                output.Result.EnumTrees(),
                t => Assert.Contains("[global::Newtonsoft.Json.JsonConverter(typeof(", t.ToString(), System.StringComparison.Ordinal));
        }

        [Theory]
        [InlineData(TargetRefs.Net80)]
        [InlineData(TargetRefs.NetStandard20)]
        [InlineData(TargetRefs.Net472)]
        public void Without_System_Text_Json_no_converter_and_no_attribute_is_generated(TargetRefs refs)
        {
            if (refs == TargetRefs.Net80)
            {
                // net8.0 always has STJ; the option turns it off.
                var off = JsonCompilation.Compile(s_pages, JsonCompilation.Properties(("GenerateSystemTextJson", "false")));
                AssertNoJson(off.Result);
                return;
            }

            var output = JsonCompilation.Compile(s_pages, refs: refs);
            AssertNoJson(output.Result);
        }

        [Fact]
        public void Without_Newtonsoft_no_Newtonsoft_converter_is_generated_even_with_the_attribute_option()
        {
            var output = JsonCompilation.Compile(s_pages, JsonCompilation.Properties(("NewtonsoftAttribute", "true")));
            Assert.DoesNotContain(output.Result.GeneratedTrees, t => t.FilePath.Contains("Newtonsoft", System.StringComparison.Ordinal));
            Assert.DoesNotContain(output.Result.GeneratedTrees, t => t.ToString().Contains("Newtonsoft", System.StringComparison.Ordinal));
        }

        private static void AssertNoJson(GeneratorDriverRunResult result)
        {
            Assert.Equal(s_pages.Length, result.GeneratedTrees.Length);
            Assert.DoesNotContain(result.GeneratedTrees, t => t.ToString().Contains("JsonConverter", System.StringComparison.Ordinal));
        }
    }
}
