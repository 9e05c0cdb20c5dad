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

        [Fact]
        public void DotNet_names_never_start_with_a_digit_but_keep_the_word_before_it()
        {
            Type type = OptionRun.Of(TestManifests.Page("ne-d3dcommon-d3d_feature_level.md"), ("TapiGenMemberNames", "DotNet")).Enum("Tapi.Tests.D3dFeatureLevel");
            var names = OptionRun.Members(type).Select(m => m.Name).ToList();
            Assert.Equal("Level1_0Core", names[0]);
            Assert.Equal("Level9_1", names[1]);
            Assert.Equal("Level12_2", names[names.Count - 1]);
        }

        [Fact]
        public void An_EnumName_is_used_as_written_even_with_DotNet_names()
        {
            var run = OptionRun.Of(s_agentSessionEvent.WithMetadata("EnumName", "agentEvents"), ("TapiGenMemberNames", "DotNet"));
            Assert.Equal("NotReady", OptionRun.Members(run.Enum("Tapi.Tests.agentEvents"))[1].Name);
        }
    }
}
