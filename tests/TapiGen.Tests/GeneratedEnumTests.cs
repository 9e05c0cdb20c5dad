using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using TapiGen.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Tests
{
    /// <summary>Compiles what the generator produced and reads the enums back through reflection and System.Enum.</summary>
    public class GeneratedEnumTests
    {
        private static Type Generate(TestManifest manifest, string typeName)
        {
            GeneratorDriverRunResult result = GeneratorHarness.Run(manifest);
            Assert.Empty(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
            Assembly assembly = GeneratorHarness.Load(GeneratorHarness.AssertCompilesCleanly(result));
            Type? type = assembly.GetType(GeneratorHarness.DefaultNamespace + "." + typeName);
            Assert.NotNull(type);
            Assert.True(type!.IsEnum);
            return type;
        }

        private static List<(string Name, object Value)> Members(Type enumType)
            => enumType.GetFields(BindingFlags.Public | BindingFlags.Static)
                .OrderBy(f => f.MetadataToken)
                .Select(f => (f.Name, Convert.ChangeType(f.GetRawConstantValue()!, Enum.GetUnderlyingType(enumType), System.Globalization.CultureInfo.InvariantCulture)))
                .ToList();

        [Fact]
        public void Missing_values_count_up_from_the_previous_member_like_C()
        {
            Type type = Generate(TestManifests.Inline("COUNTING", "A", "B", "C:10", "D", "E:-3", "F"), "COUNTING");
            Assert.Equal(typeof(int), Enum.GetUnderlyingType(type));
            Assert.Equal(
                new (string, object)[] { ("A", 0), ("B", 1), ("C", 10), ("D", 11), ("E", -3), ("F", -2) },
                Members(type));
        }

        [Fact]
        public void References_hex_and_parenthesised_values_are_read()
        {
            Type type = Generate(TestManifests.Inline("REFS", "A (0x9100)", "B:0x10", "C:A", "D", "E:A | B", "F:1 << 4"), "REFS");
            Assert.Equal(
                new (string, object)[] { ("A", 0x9100), ("B", 0x10), ("C", 0x9100), ("D", 0x9101), ("E", 0x9110), ("F", 16) },
                Members(type));
        }

        [Theory]
        [InlineData(new[] { "A:0", "B:0x7FFFFFFF" }, typeof(int))]
        [InlineData(new[] { "A:-2147483648", "B:1" }, typeof(int))]
        [InlineData(new[] { "A:0", "B:0x80000000" }, typeof(uint))]
        [InlineData(new[] { "A:0", "B:0xFFFFFFFF" }, typeof(uint))]
        [InlineData(new[] { "A:-1", "B:0x80000000" }, typeof(long))]
        [InlineData(new[] { "A:0", "B:0x100000000" }, typeof(long))]
        [InlineData(new[] { "A:-9223372036854775808", "B:0" }, typeof(long))]
        [InlineData(new[] { "A:0", "B:0xFFFFFFFFFFFFFFFF" }, typeof(ulong))]
        [InlineData(new[] { "A:0xFFFFFFFF", "B" }, typeof(long))]
        public void The_underlying_type_is_the_smallest_of_int_uint_long_ulong_that_holds_every_value(string[] fields, Type expected)
        {
            Type type = Generate(TestManifests.Inline("WIDE", fields), "WIDE");
            Assert.Equal(expected, Enum.GetUnderlyingType(type));
            foreach (var (name, value) in Members(type))
            {
                Assert.Equal(name, Enum.GetName(type, value));
            }
        }

        [Fact]
        public void Extreme_values_keep_their_exact_value()
        {
            Type type = Generate(TestManifests.Inline("EXTREME", "A:0", "B:0xFFFFFFFFFFFFFFFF", "C:0x8000000000000000"), "EXTREME");
            Assert.Equal(new (string, object)[] { ("A", 0UL), ("B", ulong.MaxValue), ("C", 0x8000000000000000UL) }, Members(type));
        }

        [Fact]
        public void CSharp_keywords_become_verbatim_identifiers_with_the_same_name()
        {
            Type type = Generate(TestManifests.Inline("class", "int", "event:5", "value", "Class"), "class");
            Assert.Equal(new (string, object)[] { ("int", 0), ("event", 5), ("value", 6), ("Class", 7) }, Members(type));
        }

        [Fact]
        public void A_lowercase_enum_name_compiles_without_CS8981()
        {
            Type type = Generate(TestManifests.Inline("lowercase", "a:1", "b:2"), "lowercase");
            Assert.Equal(new (string, object)[] { ("a", 1), ("b", 2) }, Members(type));
        }

        [Fact]
        public void Aliases_with_the_same_value_are_kept()
        {
            Type type = Generate(TestManifests.Inline("ALIASES", "A:1", "B:1", "C:A", "LAST:C"), "ALIASES");
            Assert.Equal(new (string, object)[] { ("A", 1), ("B", 1), ("C", 1), ("LAST", 1) }, Members(type));
        }

        [Theory]
        [InlineData(true, new[] { "NONE:0", "A:0x1", "B:0x2", "C:0x4" })]
        [InlineData(true, new[] { "A:0x1", "B:0x2", "C:0x4", "ALL:0x7" })]
        [InlineData(true, new[] { "A:0x1", "B:0x2", "C:0x4", "D:0x8", "AB:0x3" })]
        [InlineData(false, new[] { "A:0x1", "B:0x2" })]
        [InlineData(false, new[] { "A", "B", "C", "D", "E", "F" })]
        [InlineData(false, new[] { "A:0", "B:1", "C:2", "D:3", "E:4" })]
        [InlineData(false, new[] { "A:0x1", "B:0x2", "C:0x4", "D:0x9" })]
        [InlineData(false, new[] { "A:-1", "B:0x1", "C:0x2", "D:0x4" })]
        public void Flags_are_inferred_from_the_values(bool expected, string[] fields)
        {
            Type type = Generate(TestManifests.Inline("MAYBE_FLAGS", fields), "MAYBE_FLAGS");
            Assert.Equal(expected, type.IsDefined(typeof(FlagsAttribute), false));
        }

        [Fact]
        public void GetPropertyStoreFlags_is_flags()
        {
            Type type = Generate(
                TestManifests.Inline(
                    "GETPROPERTYSTOREFLAGS",
                    "GPS_DEFAULT:0", "GPS_HANDLERPROPERTIESONLY:0x1", "GPS_READWRITE:0x2", "GPS_TEMPORARY:0x4",
                    "GPS_FASTPROPERTIESONLY:0x8", "GPS_OPENSLOWITEM:0x10", "GPS_DELAYCREATION:0x20", "GPS_BESTEFFORT:0x40",
                    "GPS_NO_OPLOCK:0x80", "GPS_PREFERQUERYPROPERTIES:0x100", "GPS_EXTRINSICPROPERTIES:0x200",
                    "GPS_EXTRINSICPROPERTIESONLY:0x400", "GPS_VOLATILEPROPERTIES:0x800", "GPS_VOLATILEPROPERTIESONLY:0x1000",
                    "GPS_MASK_VALID:0x1fff"),
                "GETPROPERTYSTOREFLAGS");
            Assert.True(type.IsDefined(typeof(FlagsAttribute), false));
        }

        [Theory]
        [InlineData("ne-tapi3if-tapi_event.md", "TAPI_EVENT", true)]
        [InlineData("ne-tapi3if-call_state.md", "CALL_STATE", false)]
        [InlineData("ne-d3dcommon-d3d_feature_level.md", "D3D_FEATURE_LEVEL", false)]
        [InlineData("ne-tapi3-agent_session_event.md", "AGENT_SESSION_EVENT", false)]
        [InlineData("ne-propsys-propdesc_type_flags.md", "PROPDESC_TYPE_FLAGS", true)]
        public void Flags_inference_on_real_pages(string page, string typeName, bool expected)
        {
            Type type = Generate(TestManifests.Page(page), typeName);
            Assert.Equal(expected, type.IsDefined(typeof(FlagsAttribute), false));
        }

        [Fact]
        public void Agent_session_event_has_the_documented_members_and_values()
        {
            Type type = Generate(TestManifests.Page("ne-tapi3-agent_session_event.md"), "AGENT_SESSION_EVENT");
            Assert.Equal(
                new (string, object)[] { ("ASE_NEW_SESSION", 0), ("ASE_NOT_READY", 1), ("ASE_READY", 2), ("ASE_BUSY", 3), ("ASE_WRAPUP", 4), ("ASE_END", 5) },
                Members(type));
        }

        [Fact]
        public void Call_state_last_item_is_an_alias_of_the_member_it_names()
        {
            Type type = Generate(TestManifests.Page("ne-tapi3if-call_state.md"), "CALL_STATE");
            var members = Members(type);
            Assert.Equal(members.Single(m => m.Name == "CS_QUEUED").Value, members.Single(m => m.Name == "CS_LASTITEM").Value);
            Assert.Equal(8, members.Count);
        }

        [Fact]
        public void Feature_levels_take_values_from_parenthesised_headings()
        {
            Type type = Generate(TestManifests.Page("ne-d3dcommon-d3d_feature_level.md"), "D3D_FEATURE_LEVEL");
            var members = Members(type).ToDictionary(m => m.Name, m => m.Value);
            Assert.Equal(0x1000, members["D3D_FEATURE_LEVEL_1_0_CORE"]);
            Assert.Equal(0x9100, members["D3D_FEATURE_LEVEL_9_1"]);
            Assert.Equal(0xc200, members["D3D_FEATURE_LEVEL_12_2"]);
        }

        [Fact]
        public void Sub_headings_are_not_members()
        {
            Type type = Generate(TestManifests.Page("ne-tapi3if-ft_state_event_cause.md"), "FT_STATE_EVENT_CAUSE");
            Assert.Equal(new[] { "FTEC_NORMAL", "FTEC_END_OF_FILE", "FTEC_READ_ERROR", "FTEC_WRITE_ERROR" }, Members(type).Select(m => m.Name));
        }

        [Fact]
        public void A_page_without_an_enumeration_heading_takes_its_name_from_the_title()
        {
            Type type = Generate(TestManifests.Page("ne-winuser-tooltip_dismiss_flags.md"), "TOOLTIP_DISMISS_FLAGS");
            Assert.Equal(new (string, object)[] { ("TDF_REGISTER", 0), ("TDF_UNREGISTER", 1) }, Members(type));
        }

        [Fact]
        public void A_MIDL_generated_heading_falls_back_to_the_api_name()
        {
            var manifest = new TestManifest(
                "/m/midl.md",
                "---\ntitle: \"__MIDL___MIDL_itf_tapi3_0000_0018_0001\"\napi_name:\n - MSP_ADDRESS_EVENT\n---\n\n# __MIDL___MIDL_itf_tapi3_0000_0018_0001 enumeration\n\n## -enum-fields\n\n### -field ADDRESS_TERMINAL_AVAILABLE\n\nA.\n");
            Type type = Generate(manifest, "MSP_ADDRESS_EVENT");
            Assert.Single(Members(type));
        }
    }
}
