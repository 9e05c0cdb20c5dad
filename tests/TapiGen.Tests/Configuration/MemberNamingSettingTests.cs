using System;
using System.Linq;
using TapiGen.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Tests.Configuration
{
    /// <summary>TapiGenMemberNames / MemberNames: the manifest's names (the default) or .NET names.</summary>
    public class MemberNamingSettingTests
    {
        private static readonly TestManifest s_agentSessionEvent = TestManifests.Page("ne-tapi3-agent_session_event.md");

        [Fact]
        public void Manifest_names_are_the_default()
        {
            Type type = OptionRun.Of(s_agentSessionEvent).Enum("Tapi.Tests.AGENT_SESSION_EVENT");
            Assert.Equal(
                new (string, long)[] { ("ASE_NEW_SESSION", 0), ("ASE_NOT_READY", 1), ("ASE_READY", 2), ("ASE_BUSY", 3), ("ASE_WRAPUP", 4), ("ASE_END", 5) },
                OptionRun.Members(type));
        }

        [Theory]
        [InlineData("DotNet")]
        [InlineData("dotnet")]
        public void DotNet_names_drop_the_shared_prefix_and_use_PascalCase(string value)
        {
            Type type = OptionRun.Of(s_agentSessionEvent, ("TapiGenMemberNames", value)).Enum("Tapi.Tests.AgentSessionEvent");
            Assert.Equal(
                new (string, long)[] { ("NewSession", 0), ("NotReady", 1), ("Ready", 2), ("Busy", 3), ("Wrapup", 4), ("End", 5) },
                OptionRun.Members(type));
        }

        [Fact]
        public void DotNet_names_keep_aliases_pointing_at_the_renamed_member()
        {
            Type type = OptionRun.Of(TestManifests.Page("ne-tapi3if-call_state.md"), ("TapiGenMemberNames", "DotNet")).Enum("Tapi.Tests.CallState");
            var members = OptionRun.Members(type);
            Assert.Equal(("Queued", 6L), members[6]);
            Assert.Equal(("Lastitem", 6L), members[7]);
        }

        [Fact]
        public void MemberNames_metadata_wins_over_the_property()
        {
            var run = OptionRun.Of(
                new[] { s_agentSessionEvent.WithMetadata("MemberNames", "Manifest"), TestManifests.Inline("DEVICE_KIND", "DK_HANDSET", "DK_HEADSET") },
                ("TapiGenMemberNames", "DotNet"));
            Assert.Equal("ASE_NOT_READY", OptionRun.Members(run.Enum("Tapi.Tests.AGENT_SESSION_EVENT"))[1].Name);
            Assert.Equal(new[] { "Handset", "Headset" }, OptionRun.Members(run.Enum("Tapi.Tests.DeviceKind")).Select(m => m.Name));
        }

        [Fact]
        public void DotNet_names_that_would_collide_keep_the_manifest_names()
        {
            // MODE_ON_OFF and MODE_OnOff are both "OnOff" as .NET names: renaming would lose a member.
            Type type = OptionRun.Of(TestManifests.Inline("MODE", "MODE_ON_OFF", "MODE_OnOff:0x10"), ("TapiGenMemberNames", "DotNet")).Enum("Tapi.Tests.Mode");
            Assert.Equal(new (string, long)[] { ("MODE_ON_OFF", 0), ("MODE_OnOff", 0x10) }, OptionRun.Members(type));
        }
    }
}
