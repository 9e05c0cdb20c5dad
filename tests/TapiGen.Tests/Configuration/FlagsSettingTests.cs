using System;
using Microsoft.CodeAnalysis;
using TapiGen.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Tests.Configuration
{
    /// <summary>Flags item metadata: Auto (inferred from the values, the default), On/true or Off/false. There is no property.</summary>
    public class FlagsSettingTests
    {
        private static readonly TestManifest s_plain = TestManifests.Page("ne-tapi3if-call_state.md");
        private static readonly TestManifest s_flags = TestManifests.Page("ne-tapi3if-tapi_event.md");

        [Fact]
        public void Without_metadata_flags_are_inferred()
        {
            var run = OptionRun.Of(new[] { s_plain, s_flags });
            Assert.False(OptionRun.IsFlags(run.Enum("Tapi.Tests.CALL_STATE")));
            Assert.True(OptionRun.IsFlags(run.Enum("Tapi.Tests.TAPI_EVENT")));
        }

        [Theory]
        [InlineData("On")]
        [InlineData("true")]
        [InlineData("TRUE")]
        public void On_forces_Flags(string value)
            => Assert.True(OptionRun.IsFlags(OptionRun.Of(s_plain.WithMetadata("Flags", value)).Enum("Tapi.Tests.CALL_STATE")));

        [Theory]
        [InlineData("Off")]
        [InlineData("false")]
        public void Off_removes_Flags(string value)
            => Assert.False(OptionRun.IsFlags(OptionRun.Of(s_flags.WithMetadata("Flags", value)).Enum("Tapi.Tests.TAPI_EVENT")));

        [Fact]
        public void Auto_is_the_same_as_no_metadata()
            => Assert.True(OptionRun.IsFlags(OptionRun.Of(s_flags.WithMetadata("Flags", "Auto")).Enum("Tapi.Tests.TAPI_EVENT")));

        [Fact]
        public void Forcing_Flags_keeps_every_value()
        {
            Type type = OptionRun.Of(s_plain.WithMetadata("Flags", "On")).Enum("Tapi.Tests.CALL_STATE");
            Assert.Equal(("CS_QUEUED", 6L), OptionRun.Members(type)[6]);
        }

        [Fact]
        public void A_TapiGenFlags_property_is_not_a_setting_and_is_ignored()
        {
            // Flags describe one enum's values, so only the item can say it; a project-wide property would be a trap.
            var run = OptionRun.Of(s_plain, ("TapiGenFlags", "On"));
            Assert.False(OptionRun.IsFlags(run.Enum("Tapi.Tests.CALL_STATE")));
        }

        [Fact]
        public void A_bad_value_is_TG0018_listing_the_allowed_values()
        {
            var run = OptionRun.Of(s_plain.WithMetadata("Flags", "sometimes"));
            Diagnostic d = run.Single("TG0018");
            Assert.Contains("the Flags metadata of the TapiEnum item is 'sometimes'", d.GetMessage());
            Assert.Contains("Auto, On, Off", d.GetMessage());
        }
    }
}
