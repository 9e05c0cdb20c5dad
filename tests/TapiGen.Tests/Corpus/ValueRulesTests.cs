using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Microsoft.CodeAnalysis;
using TapiGen.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Tests.Corpus
{
    /// <summary>
    /// Pages whose values are incomplete or only in prose: values stated in descriptions (opt-in), Direct3D version
    /// aliases, and the warning for pages with no value at all.
    /// </summary>
    public class ValueRulesTests
    {
        private static readonly (string Name, long Value)[] s_sigdn =
        {
            ("SIGDN_NORMALDISPLAY", 0),
            ("SIGDN_PARENTRELATIVEPARSING", unchecked((int)0x80018001)),
            ("SIGDN_DESKTOPABSOLUTEPARSING", unchecked((int)0x80028000)),
            ("SIGDN_PARENTRELATIVEEDITING", unchecked((int)0x80031001)),
            ("SIGDN_DESKTOPABSOLUTEEDITING", unchecked((int)0x8004c000)),
            ("SIGDN_FILESYSPATH", unchecked((int)0x80058000)),
            ("SIGDN_URL", unchecked((int)0x80068000)),
            ("SIGDN_PARENTRELATIVEFORADDRESSBAR", unchecked((int)0x8007c001)),
            ("SIGDN_PARENTRELATIVE", unchecked((int)0x80080001)),
            ("SIGDN_PARENTRELATIVEFORUI", unchecked((int)0x80094001)),
        };

        public static IEnumerable<object[]> OptInSettings()
        {
            yield return new object[] { "metadata" };
            yield return new object[] { "property" };
        }

        [Theory]
        [MemberData(nameof(OptInSettings))]
        public void Sigdn_with_ValuesFromDescriptions_gets_the_values_its_descriptions_state(string setting)
        {
            TestManifest page = TestManifests.Page("ne-shobjidl_core-sigdn.md");
            var output = setting == "metadata"
                ? ItemHarness.Run(ItemFile.Manifest(page, ("ValuesFromDescriptions", "true")))
                : ItemHarness.Run(new[] { ItemFile.Manifest(page) }, new Dictionary<string, string> { ["build_property.TapiGenValuesFromDescriptions"] = "true" });

            Assert.DoesNotContain(output.Result.Diagnostics, d => d.Id == "TG0010");
            Type sigdn = LoadedEnums.Load(output.Result, "SIGDN");
            Assert.Equal(typeof(int), Enum.GetUnderlyingType(sigdn));
            Assert.Equal(s_sigdn.Select(m => (m.Name, new BigInteger(m.Value))), LoadedEnums.Members(sigdn));
            Assert.Equal(-2147385343, (int)LoadedEnums.Values(sigdn)["SIGDN_PARENTRELATIVEPARSING"]);
        }

        [Fact]
        public void Sigdn_without_the_option_keeps_counting_and_warns_TG0010_for_each_member()
        {
            var output = ItemHarness.Run(ItemFile.Manifest(TestManifests.Page("ne-shobjidl_core-sigdn.md"), ("ValuesFromDescriptions", "false")));
            Assert.Equal(9, output.Result.Diagnostics.Count(d => d.Id == "TG0010"));
            Assert.Equal(1, LoadedEnums.Values(LoadedEnums.Load(output.Result, "SIGDN"))["SIGDN_PARENTRELATIVEPARSING"]);
        }

        [Theory]
        [InlineData("0x10. Sixteen.", 16)]
        [InlineData("(int)0xFFFFFFFF, all bits.", -1)]
        [InlineData("(DWORD)0x80000000; the top bit.", 0x80000000L)]
        [InlineData("(UINT)-1.", 0xFFFFFFFFL)]
        [InlineData("-5. Minus five.", -5)]
        [InlineData("  0x20", 32)]
        public void The_opt_in_reads_hex_negative_and_cast_values_at_the_start(string description, long expected)
        {
            var page = LoadedEnums.Page("STATED", ("FIRST:0", "First."), ("SECOND", description), ("THIRD", "Counted from SECOND."));
            var output = ItemHarness.Run(ItemFile.Manifest(page, ("ValuesFromDescriptions", "true")));
            var values = LoadedEnums.Values(LoadedEnums.Load(output.Result, "STATED"));
            Assert.Equal(expected, (long)values["SECOND"]);
            Assert.Equal(expected + 1, (long)values["THIRD"]);
            Assert.DoesNotContain(output.Result.Diagnostics, d => d.Id == "TG0010");
        }

        [Theory]
        [InlineData("1. Open the file.")]
        [InlineData("2 channels are used.")]
        [InlineData("Returns 0x10.")]
        [InlineData("0x10th item")]
        [InlineData("The value 0x80000000.")]
        public void Prose_that_only_looks_numeric_is_not_a_value(string description)
        {
            var page = LoadedEnums.Page("PROSE", ("FIRST:0", "First."), ("SECOND", description));
            var output = ItemHarness.Run(ItemFile.Manifest(page, ("ValuesFromDescriptions", "true")));
            Assert.Equal(1, (long)LoadedEnums.Values(LoadedEnums.Load(output.Result, "PROSE"))["SECOND"]);
            Assert.DoesNotContain(output.Result.Diagnostics, d => d.Id == "TG0010");
        }

        [Fact]
        public void A_cast_to_an_unknown_type_is_not_taken_and_keeps_the_warning()
        {
            var page = LoadedEnums.Page("ODDCAST", ("FIRST:0", "First."), ("SECOND", "(MYBYTE)0x80. A byte."));
            var output = ItemHarness.Run(ItemFile.Manifest(page, ("ValuesFromDescriptions", "true")));
            Assert.Equal(1, (long)LoadedEnums.Values(LoadedEnums.Load(output.Result, "ODDCAST"))["SECOND"]);
            Assert.Single(output.Result.Diagnostics, d => d.Id == "TG0010");
        }

        [Fact]
        public void A_heading_value_wins_over_the_description()
        {
            var page = LoadedEnums.Page("BOTH", ("FIRST:0x5", "0x7. The heading says 5."), ("SECOND", "Counted."));
            var output = ItemHarness.Run(ItemFile.Manifest(page, ("ValuesFromDescriptions", "true")));
            var values = LoadedEnums.Values(LoadedEnums.Load(output.Result, "BOTH"));
            Assert.Equal(5, (long)values["FIRST"]);
            Assert.Equal(6, (long)values["SECOND"]);
        }

        [Theory]
        [InlineData("A:(int)0x80000000", -2147483648L)]
        [InlineData("A:(LONG)0xFFFFFFFE", -2L)]
        [InlineData("A:(DWORD)-1", 0xFFFFFFFFL)]
        [InlineData("A:(unsigned int) 0x10", 16L)]
        [InlineData("A:(int)(0x80000000 | 1)", -2147483647L)]
        public void Headings_may_use_C_casts_to_32_bit_types(string heading, long expected)
        {
            var output = GeneratorHarness.Run(TestManifests.Inline("CASTS", heading, "B:0"));
            Assert.Equal(expected, (long)LoadedEnums.Values(LoadedEnums.Load(output, "CASTS"))["A"]);
        }

        [Theory]
        [InlineData("A:(int)0x100000000", "0")]
        [InlineData("A:(int)-0x80000001", "2147483647")]
        [InlineData("A:(BYTE)0x180", "128")]
        [InlineData("A:(USHORT)-1", "65535")]
        [InlineData("A:(ULONGLONG)-1", "18446744073709551615")]
        public void Casts_convert_as_the_C_compiler_does(string heading, string expected)
        {
            // The results gcc gives for the same casts (0x80000001 is unsigned, so its negation wraps; narrow casts truncate).
            var output = GeneratorHarness.Run(TestManifests.Inline("CASTS", heading, "B:0"));
            Assert.DoesNotContain(output.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
            Assert.Equal(System.Numerics.BigInteger.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), LoadedEnums.Values(LoadedEnums.Load(output, "CASTS"))["A"]);
        }

        [Theory]
        [InlineData("A:(int)")]
        [InlineData("A:(void*)1")]
        [InlineData("A:(FOO)1")]
        [InlineData("A:sizeof(int)")]
        public void Casts_C_cannot_evaluate_as_a_constant_are_TG0008(string heading)
        {
            var output = GeneratorHarness.Run(TestManifests.Inline("BADCAST", heading));
            Assert.Contains(output.Diagnostics, d => d.Id == "TG0008" || d.Id == "TG0007");
            Assert.Empty(output.GeneratedTrees);
        }

        [Fact]
        public void D3d_cbuffer_type_versioned_members_alias_the_unversioned_ones()
        {
            // The layout of ne-d3dcommon-d3d_cbuffer_type.md: a value only on the first member.
            var page = LoadedEnums.Page(
                "D3D_CBUFFER_TYPE",
                ("D3D_CT_CBUFFER:0", "A buffer containing scalar constants."),
                ("D3D_CT_TBUFFER", "A buffer containing texture data."),
                ("D3D_CT_INTERFACE_POINTERS", "A buffer containing interface pointers."),
                ("D3D_CT_RESOURCE_BIND_INFO", "A buffer containing binding information."),
                ("D3D10_CT_CBUFFER", "A buffer containing scalar constants."),
                ("D3D10_CT_TBUFFER", "A buffer containing texture data."),
                ("D3D11_CT_CBUFFER", "A buffer containing scalar constants."),
                ("D3D11_CT_TBUFFER", "A buffer containing texture data."),
                ("D3D11_CT_INTERFACE_POINTERS", "A buffer containing interface pointers."),
                ("D3D11_CT_RESOURCE_BIND_INFO", "A buffer containing binding information."));
            GeneratorDriverRunResult result = GeneratorHarness.Run(page);

            var infos = result.Diagnostics.Where(d => d.Id == "TG0020").ToList();
            Assert.Equal(6, infos.Count);
            Assert.All(infos, d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
            Assert.Equal(29, infos[0].Location.GetLineSpan().StartLinePosition.Line + 1); // D3D10_CT_CBUFFER's heading
            Assert.Equal(11, infos[0].Location.GetLineSpan().StartLinePosition.Character);
            Assert.Contains("'D3D_CT_CBUFFER'", infos[0].GetMessage());
            Assert.DoesNotContain(result.Diagnostics, d => d.Id == "TG0019");

            Assert.Contains("D3D10_CT_TBUFFER = D3D_CT_TBUFFER,", result.EnumTrees().Single().ToString());
            Assert.Equal(
                new long[] { 0, 1, 2, 3, 0, 1, 0, 1, 2, 3 },
                LoadedEnums.Members(LoadedEnums.Load(result, "D3D_CBUFFER_TYPE")).Select(m => (long)m.Value));
        }

        [Fact]
        public void D3d_srv_dimension_aliases_D3D10_D3D10_1_and_D3D11_members()
        {
            // ne-d3dcommon-d3d_srv_dimension.md (2018 layout, not in the corpus): no values at all, 12 unversioned
            // members, then D3D10_ (10), D3D10_1_ (11) and D3D11_ (12) aliases, as d3dcommon.h declares them.
            string[] suffixes =
            {
                "UNKNOWN", "BUFFER", "TEXTURE1D", "TEXTURE1DARRAY", "TEXTURE2D", "TEXTURE2DARRAY", "TEXTURE2DMS",
                "TEXTURE2DMSARRAY", "TEXTURE3D", "TEXTURECUBE", "TEXTURECUBEARRAY", "BUFFEREX",
            };
            var fields = suffixes.Select(s => "D3D_SRV_DIMENSION_" + s)
                .Concat(suffixes.Take(10).Select(s => "D3D10_SRV_DIMENSION_" + s))
                .Concat(suffixes.Take(11).Select(s => "D3D10_1_SRV_DIMENSION_" + s))
                .Concat(suffixes.Select(s => "D3D11_SRV_DIMENSION_" + s))
                .Select(name => (name, "The " + name + " dimension."))
                .ToArray();
            GeneratorDriverRunResult result = GeneratorHarness.Run(LoadedEnums.Page("D3D_SRV_DIMENSION", fields));

            Assert.Equal(33, result.Diagnostics.Count(d => d.Id == "TG0020"));
            Assert.Single(result.Diagnostics, d => d.Id == "TG0019"); // the unversioned members are counted: say so once
            var values = LoadedEnums.Values(LoadedEnums.Load(result, "D3D_SRV_DIMENSION"));
            Assert.Equal(45, values.Count);
            for (int i = 0; i < suffixes.Length; i++)
            {
                Assert.Equal(i, (int)values["D3D_SRV_DIMENSION_" + suffixes[i]]);
                Assert.Equal(i, (int)values["D3D11_SRV_DIMENSION_" + suffixes[i]]);
                if (i < 11)
                {
                    Assert.Equal(i, (int)values["D3D10_1_SRV_DIMENSION_" + suffixes[i]]);
                }
            }

            Assert.Equal(11, (int)values["D3D_SRV_DIMENSION_BUFFEREX"]);
            Assert.Equal(9, (int)values["D3D10_SRV_DIMENSION_TEXTURECUBE"]);
        }

        [Theory]
        [InlineData("D2D_X:5", "D2D1_X", 6)] // only the D3D family
        [InlineData("D3D_X:5", "D3DX_X", 6)] // no digits: not a version
        [InlineData("D3D_X:5", "D3D10X", 6)] // no '_' after the version
        [InlineData("D3D_X:5", "D3D10_Y", 6)] // no D3D_Y
        [InlineData("D3D_X:5", "D3D10_X:9", 9)] // a value wins
        [InlineData("d3d_X:5", "d3d10_X", 6)] // the prefix is case-sensitive
        [InlineData("D3D_X:5", "XD3D10_X", 6)] // a prefix starts the name
        [InlineData("D3D_1_X:5", "D3D10_1_X", 5)] // D3D10_1_X tries D3D_X first, then D3D_1_X
        public void The_version_prefix_rule_is_narrow(string first, string second, long expected)
        {
            var output = GeneratorHarness.Run(TestManifests.Inline("NARROW", first, second));
            string name = second.Split(':')[0];
            Assert.Equal(expected, (long)LoadedEnums.Values(LoadedEnums.Load(output, "NARROW"))[name]);
            Assert.Equal(expected == 5 && !second.Contains(':'), output.Diagnostics.Any(d => d.Id == "TG0020"));
        }

        [Fact]
        public void A_versioned_member_before_its_unversioned_one_is_counted()
        {
            var output = GeneratorHarness.Run(TestManifests.Inline("ORDER", "D3D10_X:3", "D3D_X", "D3D11_X"));
            var values = LoadedEnums.Values(LoadedEnums.Load(output, "ORDER"));
            Assert.Equal(new long[] { 3, 4, 4 }, new[] { values["D3D10_X"], values["D3D_X"], values["D3D11_X"] }.Select(v => (long)v));
        }

        [Fact]
        public void Tooltip_dismiss_flags_has_no_value_at_all_and_gets_one_TG0019_at_its_first_member()
        {
            GeneratorDriverRunResult result = GeneratorHarness.Run(TestManifests.Page("ne-winuser-tooltip_dismiss_flags.md"));
            Diagnostic warning = Assert.Single(result.Diagnostics, d => d.Id == "TG0019");
            Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
            Assert.Equal((42, 11), (warning.Location.GetLineSpan().StartLinePosition.Line, warning.Location.GetLineSpan().StartLinePosition.Character));
            Assert.Contains("TOOLTIP_DISMISS_FLAGS", warning.GetMessage());
            Assert.Contains("counted from 0", warning.GetMessage());
            Assert.Contains("check the header", warning.GetMessage());
            Assert.Single(result.EnumTrees()); // a warning: still generated, with C's values
        }

        [Theory]
        [InlineData(new[] { "A", "B", "C" }, true)]
        [InlineData(new[] { "A" }, false)] // one member is 0 however it is read
        [InlineData(new[] { "A:0", "B", "C" }, false)]
        [InlineData(new[] { "A", "B:A", "C" }, false)] // a reference is a value too
        [InlineData(new[] { "A", "B", "C:7" }, false)]
        public void TG0019_only_when_no_member_has_a_value(string[] headings, bool warns)
        {
            var output = GeneratorHarness.Run(TestManifests.Inline("COUNTED", headings));
            Assert.Equal(warns ? 1 : 0, output.Diagnostics.Count(d => d.Id == "TG0019"));
        }

        [Fact]
        public void User_activity_presence_is_counted_and_warned_about()
        {
            // ne-winnt-user_activity_presence.md: no values; the header has PowerUserInvalid = PowerUserMaximum (3),
            // which only an overrides file can say (OverridesTests).
            var page = LoadedEnums.Page(
                "USER_ACTIVITY_PRESENCE",
                ("PowerUserPresent", "The user is present in a local or remote session on the system."),
                ("PowerUserNotPresent", "The user is not present in any local or remote session on the system."),
                ("PowerUserInactive", "The user is not active in any local or remote session on the system."),
                ("PowerUserMaximum", "PowerUserMaximum = PowerUserInvalid."),
                ("PowerUserInvalid", "Invalid state."));
            GeneratorDriverRunResult result = GeneratorHarness.Run(page);
            Assert.Single(result.Diagnostics, d => d.Id == "TG0019");
            Assert.Equal(4, (int)LoadedEnums.Values(LoadedEnums.Load(result, "USER_ACTIVITY_PRESENCE"))["PowerUserInvalid"]);
        }
    }
}
