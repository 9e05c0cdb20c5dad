using Microsoft.CodeAnalysis.CSharp;
using TapiGen.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Tests.Json
{
    /// <summary>
    /// The converters for option sets and targets the core snapshots do not show (those show the defaults on net8.0).
    /// Small inline manifests keep each file short enough to review.
    /// </summary>
    public class JsonSnapshotTests
    {
        private static readonly TestManifest s_flags = TestManifests.Inline("LINE_FEATURES", "LF_NONE:0", "LF_DIAL:0x1", "LF_HOLD:0x2", "LF_PARK:0x4", "LF_DIAL_HOLD:0x3", "LF_\u00DCBERGABE:0x8");

        private static readonly TestManifest s_states = TestManifests.Inline("LINE_STATE", "LS_IDLE", "LS_BUSY", "LS_RINGING", "LS_RING:LS_RINGING");

        [Fact]
        public void IgnoreCase_UndefinedError_NoNumbers()
            => Snapshots.Verify(JsonCompilation.Compile(
                new[] { s_flags },
                JsonCompilation.Properties(("JsonIgnoreCase", "true"), ("JsonUndefined", "Error"), ("JsonAllowNumbers", "false"))).Result);

        [Fact]
        public void CSharp73_SystemTextJson6_NetStandard20()
            => Snapshots.Verify(JsonCompilation.Compile(
                new[] { s_states },
                languageVersion: LanguageVersion.CSharp7_3,
                refs: TargetRefs.NetStandard20,
                stj: StjPackage.V6_0_11).Result);

        [Fact]
        public void SystemTextJson472_NoPropertyNames()
            => Snapshots.Verify(JsonCompilation.Compile(
                new[] { s_states },
                languageVersion: LanguageVersion.CSharp8,
                refs: TargetRefs.Net472,
                stj: StjPackage.V4_7_2).Result);

        [Fact]
        public void Newtonsoft_WithAttribute_KebabCase()
            => Snapshots.Verify(JsonCompilation.Compile(
                new[] { s_flags, s_states },
                JsonCompilation.Properties(("NewtonsoftAttribute", "true"), ("JsonNaming", "KebabCaseLower"), ("GenerateSystemTextJson", "false")),
                newtonsoft: "13.0.4").Result);

        [Fact]
        public void Newtonsoft_CSharp73_IgnoreCase_UndefinedError()
            => Snapshots.Verify(JsonCompilation.Compile(
                new[] { s_flags },
                JsonCompilation.Properties(("JsonIgnoreCase", "true"), ("JsonUndefined", "Error"), ("GenerateSystemTextJson", "false")),
                languageVersion: LanguageVersion.CSharp7_3,
                refs: TargetRefs.NetStandard20,
                newtonsoft: "12.0.3").Result);
    }
}
