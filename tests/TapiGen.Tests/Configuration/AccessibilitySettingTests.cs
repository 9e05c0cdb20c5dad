using System;
using TapiGen.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Tests.Configuration
{
    /// <summary>TapiGenAccessibility / Accessibility: public (the default) or internal enums.</summary>
    public class AccessibilitySettingTests
    {
        private static readonly TestManifest s_manifest = TestManifests.Inline("COLOR", "RED", "GREEN");

        [Fact]
        public void Enums_are_public_by_default()
            => Assert.True(OptionRun.Of(s_manifest).Enum("Tapi.Tests.COLOR").IsPublic);

        [Theory]
        [InlineData("internal")]
        [InlineData("Internal")]
        [InlineData(" INTERNAL ")]
        public void TapiGenAccessibility_internal_makes_them_internal(string value)
        {
            Type type = OptionRun.Of(s_manifest, ("TapiGenAccessibility", value)).Enum("Tapi.Tests.COLOR");
            Assert.True(type.IsNotPublic);
        }

        [Fact]
        public void Accessibility_metadata_wins_over_the_property()
        {
            var run = OptionRun.Of(
                new[] { s_manifest.WithMetadata("Accessibility", "public"), TestManifests.Inline("SHAPE", "SQUARE") },
                ("TapiGenAccessibility", "internal"));
            Assert.True(run.Enum("Tapi.Tests.COLOR").IsPublic);
            Assert.True(run.Enum("Tapi.Tests.SHAPE").IsNotPublic);
        }
    }
}
