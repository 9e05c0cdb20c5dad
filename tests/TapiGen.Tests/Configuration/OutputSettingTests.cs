using System.Linq;
using TapiGen.Generator.Model;
using TapiGen.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Tests.Configuration
{
    /// <summary>
    /// The outputs (helpers, System.Text.Json and Newtonsoft.Json converters) and the JSON behaviour settings, each a
    /// property TapiGenX overridden by item metadata X.
    /// </summary>
    public class OutputSettingTests
    {
        private static readonly TestManifest s_manifest = TestManifests.Page("ne-tapi3-agent_session_event.md");

        private static GeneratorOptions Options(TestManifest manifest, params (string, string)[] properties)
            => OptionRun.Of(manifest, properties).Clean().Model.Options;

        [Fact]
        public void Defaults()
        {
            GeneratorOptions o = Options(s_manifest);
            Assert.True(o.GenerateHelpers);
            Assert.True(o.GenerateSystemTextJson);
            Assert.True(o.GenerateNewtonsoftJson);
            Assert.False(o.NewtonsoftAttribute);
            Assert.True(o.JsonAllowNumbers);
            Assert.False(o.JsonIgnoreCase);
            Assert.Equal(JsonUndefined.Number, o.JsonUndefined);
        }

        [Fact]
        public void Properties_set_every_output_and_JSON_setting()
        {
            GeneratorOptions o = Options(
                s_manifest,
                ("TapiGenGenerateHelpers", "false"),
                ("TapiGenGenerateSystemTextJson", "False"),
                ("TapiGenGenerateNewtonsoftJson", "FALSE"),
                ("TapiGenNewtonsoftAttribute", "true"),
                ("TapiGenJsonAllowNumbers", "false"),
                ("TapiGenJsonIgnoreCase", "true"),
                ("TapiGenJsonUndefined", "Error"));
            Assert.Equal(
                (false, false, false, true, false, true, JsonUndefined.Error),
                (o.GenerateHelpers, o.GenerateSystemTextJson, o.GenerateNewtonsoftJson, o.NewtonsoftAttribute, o.JsonAllowNumbers, o.JsonIgnoreCase, o.JsonUndefined));
        }

        [Fact]
        public void Item_metadata_wins_over_every_output_and_JSON_property()
        {
            TestManifest manifest = s_manifest
                .WithMetadata("GenerateHelpers", "true")
                .WithMetadata("GenerateSystemTextJson", "true")
                .WithMetadata("GenerateNewtonsoftJson", "true")
                .WithMetadata("NewtonsoftAttribute", "false")
                .WithMetadata("JsonAllowNumbers", "true")
                .WithMetadata("JsonIgnoreCase", "false")
                .WithMetadata("JsonUndefined", "Number");
            GeneratorOptions o = Options(
                manifest,
                ("TapiGenGenerateHelpers", "false"),
                ("TapiGenGenerateSystemTextJson", "false"),
                ("TapiGenGenerateNewtonsoftJson", "false"),
                ("TapiGenNewtonsoftAttribute", "true"),
                ("TapiGenJsonAllowNumbers", "false"),
                ("TapiGenJsonIgnoreCase", "true"),
                ("TapiGenJsonUndefined", "Error"));
            Assert.Equal(
                (true, true, true, false, true, false, JsonUndefined.Number),
                (o.GenerateHelpers, o.GenerateSystemTextJson, o.GenerateNewtonsoftJson, o.NewtonsoftAttribute, o.JsonAllowNumbers, o.JsonIgnoreCase, o.JsonUndefined));
        }

        [Fact]
        public void With_every_output_off_only_the_enum_is_generated()
        {
            var run = OptionRun.Of(
                s_manifest,
                ("TapiGenGenerateHelpers", "false"),
                ("TapiGenGenerateSystemTextJson", "false"),
                ("TapiGenGenerateNewtonsoftJson", "false"));
            Assert.Equal(new[] { "Tapi.Tests.AGENT_SESSION_EVENT.g.cs" }, run.HintNames);
            Assert.Equal(6, OptionRun.Members(run.Enum("Tapi.Tests.AGENT_SESSION_EVENT")).Count);
        }

        [Theory]
        [InlineData("GenerateHelpers", ".Extensions.g.cs")]
        [InlineData("GenerateSystemTextJson", ".JsonConverter.g.cs")]
        [InlineData("GenerateNewtonsoftJson", ".NewtonsoftJsonConverter.g.cs")]
        public void An_output_turned_off_adds_no_file(string setting, string hintSuffix)
        {
            var run = OptionRun.Of(s_manifest, ("TapiGen" + setting, "false"));
            Assert.Contains("Tapi.Tests.AGENT_SESSION_EVENT.g.cs", run.HintNames);
            Assert.DoesNotContain(run.HintNames, h => h.EndsWith(hintSuffix, System.StringComparison.Ordinal));
        }

        [Fact]
        public void Turning_an_output_off_for_one_item_leaves_the_others_alone()
        {
            var run = OptionRun.Of(new[] { s_manifest.WithMetadata("GenerateHelpers", "false"), TestManifests.Page("ne-tapi3if-call_state.md") });
            var byEnum = run.Models.ToDictionary(m => m.Name, m => m.Options.GenerateHelpers);
            Assert.False(byEnum["AGENT_SESSION_EVENT"]);
            Assert.True(byEnum["CALL_STATE"]);
        }
    }
}
