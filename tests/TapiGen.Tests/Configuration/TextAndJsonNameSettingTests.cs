using System.Linq;
using TapiGen.Generator.Model;
using TapiGen.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Tests.Configuration
{
    /// <summary>
    /// TapiGenTextNames (the text form ToStringFast and Parse use) and TapiGenJsonNaming (JSON wire names, from the
    /// text names). Read from the model: the helpers and converters that print them are emitted by other outputs.
    /// </summary>
    public class TextAndJsonNameSettingTests
    {
        private static readonly TestManifest s_agentSessionEvent = TestManifests.Page("ne-tapi3-agent_session_event.md");

        private static EnumMemberModel NotReady(params (string, string)[] properties)
        {
            var run = OptionRun.Of(s_agentSessionEvent, properties).Clean();
            return run.Model.Members.Single(m => m.Name == "ASE_NOT_READY");
        }

        [Fact]
        public void By_default_text_and_JSON_names_are_the_manifest_names()
        {
            EnumMemberModel member = NotReady();
            Assert.Equal(("ASE_NOT_READY", "ASE_NOT_READY", "ASE_NOT_READY"), (member.Identifier, member.TextName, member.JsonName));
        }

        [Fact]
        public void Text_names_stay_the_manifest_names_when_members_get_DotNet_names()
        {
            EnumMemberModel member = NotReady(("TapiGenMemberNames", "DotNet"));
            Assert.Equal(("NotReady", "ASE_NOT_READY"), (member.Identifier, member.TextName));
        }

        [Fact]
        public void TextNames_Member_makes_the_CSharp_name_the_text_name()
        {
            EnumMemberModel member = NotReady(("TapiGenMemberNames", "DotNet"), ("TapiGenTextNames", "Member"));
            Assert.Equal(("NotReady", "NotReady", "NotReady"), (member.Identifier, member.TextName, member.JsonName));
        }

        [Theory]
        [InlineData("AsIs", "ASE_NOT_READY")]
        [InlineData("CamelCase", "aseNotReady")]
        [InlineData("PascalCase", "AseNotReady")]
        [InlineData("SnakeCaseLower", "ase_not_ready")]
        [InlineData("snake_case_lower", "ase_not_ready")]
        [InlineData("SnakeCaseUpper", "ASE_NOT_READY")]
        [InlineData("KebabCaseLower", "ase-not-ready")]
        [InlineData("kebab-case-upper", "ASE-NOT-READY")]
        public void JsonNaming_derives_JSON_names_from_the_text_names(string value, string expected)
        {
            EnumMemberModel member = NotReady(("TapiGenJsonNaming", value));
            Assert.Equal(("ASE_NOT_READY", expected), (member.TextName, member.JsonName));
        }

        [Fact]
        public void JsonNaming_applies_to_DotNet_text_names_too()
            => Assert.Equal("notReady", NotReady(("TapiGenMemberNames", "DotNet"), ("TapiGenTextNames", "Member"), ("TapiGenJsonNaming", "CamelCase")).JsonName);

        [Fact]
        public void Item_metadata_wins_over_the_properties()
        {
            var run = OptionRun.Of(
                s_agentSessionEvent.WithMetadata("TextNames", "Manifest").WithMetadata("JsonNaming", "KebabCaseLower").WithMetadata("MemberNames", "DotNet"),
                ("TapiGenTextNames", "Member"),
                ("TapiGenJsonNaming", "CamelCase"));
            EnumMemberModel member = run.Clean().Model.Members.Single(m => m.Name == "ASE_NOT_READY");
            Assert.Equal(("NotReady", "ASE_NOT_READY", "ase-not-ready"), (member.Identifier, member.TextName, member.JsonName));
        }
    }
}
