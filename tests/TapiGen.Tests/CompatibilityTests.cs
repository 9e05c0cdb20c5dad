using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using TapiGen.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Tests
{
    /// <summary>Generated code compiles with every warning as an error from C# 7.3 up, on each kind of target.</summary>
    public class CompatibilityTests
    {
        private static readonly TestManifest[] s_pages =
        {
            TestManifests.Page("ne-tapi3-agent_session_event.md"),
            TestManifests.Page("ne-tapi3if-tapi_event.md"),
            TestManifests.Page("ne-propsys-propdesc_type_flags.md"),
            TestManifests.Page("ne-inputscope-inputscope.md"),
            TestManifests.Page("ne-tapi3if-call_state.md"),
            TestManifests.Page("ne-d3dcommon-d3d_feature_level.md"),
            TestManifests.Page("ne-tapi3if-ft_state_event_cause.md"),
            TestManifests.Page("ne-winuser-tooltip_dismiss_flags.md"),
            TestManifests.Inline("WIDE", "A:-1", "B:0x100000000"),
            TestManifests.Inline("UWIDE", "A:0", "B:0xFFFFFFFFFFFFFFFF"),
            TestManifests.Inline("KEYWORDS", "int", "event:5", "class"),
        };

        [Theory]
        [InlineData(LanguageVersion.CSharp7_3, TargetRefs.NetStandard20)]
        [InlineData(LanguageVersion.CSharp7_3, TargetRefs.Net472)]
        [InlineData(LanguageVersion.CSharp8, TargetRefs.NetStandard20)]
        [InlineData(LanguageVersion.CSharp10, TargetRefs.Net80)]
        [InlineData(LanguageVersion.CSharp13, TargetRefs.Net80)]
        [InlineData(LanguageVersion.CSharp14, TargetRefs.Net80)]
        [InlineData(LanguageVersion.Latest, TargetRefs.Net80)]
        [InlineData(LanguageVersion.Preview, TargetRefs.Net80)]
        public void Compiles_without_warnings(LanguageVersion version, TargetRefs refs)
        {
            var output = GeneratorHarness.Run(s_pages, new GeneratorHarness.RunOptions(LanguageVersion: version, Refs: refs));
            // One enum per page; helpers and JSON converters come on top.
            Assert.Equal(s_pages.Length, output.Result.EnumTrees().Length);
            GeneratorHarness.AssertCompilesCleanly(output.Result, version, refs);
        }
    }
}
