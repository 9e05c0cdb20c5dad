using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TapiGen.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Tests.Corpus
{
    /// <summary>The overrides file (&lt;manifest&gt;.tapigen): corrections to a page without editing the vendor file.</summary>
    public class OverridesTests
    {
        private static GeneratorDriverRunResult Run(TestManifest manifest, string overrides, params (string, string)[] metadata)
            => ItemHarness.Run(ItemFile.Manifest(manifest, metadata), ItemFile.OverridesFor(manifest, overrides)).Result;

        private static (int Line, int Column) At(Diagnostic d)
        {
            var start = d.Location.GetLineSpan().StartLinePosition;
            return (start.Line + 1, start.Character + 1);
        }

        [Fact]
        public void Values_in_an_overrides_file_correct_sigdn()
        {
            TestManifest page = TestManifests.Page("ne-shobjidl_core-sigdn.md");
            GeneratorDriverRunResult result = Run(page, """
                # SIGDN: the page states these values in prose only.
                value SIGDN_PARENTRELATIVEPARSING = (int)0x80018001
                value SIGDN_DESKTOPABSOLUTEPARSING = -2147319808
                """);

            var values = LoadedEnums.Values(LoadedEnums.Load(result, "SIGDN"));
            Assert.Equal(-2147385343, (int)values["SIGDN_PARENTRELATIVEPARSING"]);
            Assert.Equal(-2147319808, (int)values["SIGDN_DESKTOPABSOLUTEPARSING"]);
            Assert.Equal(-2147319807, (int)values["SIGDN_PARENTRELATIVEEDITING"]); // counted on from the override, as C would
            Assert.Equal(7, result.Diagnostics.Count(d => d.Id == "TG0010")); // the two given no longer warn
            Assert.Contains("SIGDN_PARENTRELATIVEPARSING = -2147385343,", result.EnumTrees().Single().ToString());
        }

        [Fact]
        public void A_value_supplies_what_job_object_net_rate_control_flags_leaves_empty()
        {
            TestManifest page = TestManifests.Page("ne-winnt-job_object_net_rate_control_flags.md");
            GeneratorDriverRunResult result = Run(page, "value JOB_OBJECT_NET_RATE_CONTROL_VALID_FLAGS = JOB_OBJECT_NET_RATE_CONTROL_ENABLE | JOB_OBJECT_NET_RATE_CONTROL_MAX_BANDWIDTH | JOB_OBJECT_NET_RATE_CONTROL_DSCP_TAG\n");

            Assert.DoesNotContain(result.Diagnostics, d => d.Id == "TG0006");
            Type type = LoadedEnums.Load(result, "JOB_OBJECT_NET_RATE_CONTROL_FLAGS");
            Assert.Equal(7, (int)LoadedEnums.Values(type)["JOB_OBJECT_NET_RATE_CONTROL_VALID_FLAGS"]);
            Assert.True(type.IsDefined(typeof(FlagsAttribute), false));
        }

        [Fact]
        public void Add_turns_ft_state_event_cause_sub_headings_into_members_with_their_text()
        {
            TestManifest page = TestManifests.Page("ne-tapi3if-ft_state_event_cause.md");
            GeneratorDriverRunResult result = Run(page, """
                add FTEC_MAX_DURATION_REACHED = 4
                add FTEC_PAUSE_ON_SILENCE_SIGNAL_DETECTED
                add FTEC_PAUSE_ON_SILENCE_THRESHOLD_TRIGGERED
                """);

            // The fourth sub-heading is not added, so it alone still warns.
            Diagnostic warning = Assert.Single(result.Diagnostics, d => d.Id == "TG0011");
            Assert.Contains("FTEC_STOP_ON_SILENCE_THRESHOLD_TRIGGERED", warning.GetMessage());
            Assert.Equal(
                new[] { ("FTEC_NORMAL", 0L), ("FTEC_END_OF_FILE", 1L), ("FTEC_READ_ERROR", 2L), ("FTEC_WRITE_ERROR", 3L), ("FTEC_MAX_DURATION_REACHED", 4L), ("FTEC_PAUSE_ON_SILENCE_SIGNAL_DETECTED", 5L), ("FTEC_PAUSE_ON_SILENCE_THRESHOLD_TRIGGERED", 6L) },
                LoadedEnums.Members(LoadedEnums.Load(result, "FT_STATE_EVENT_CAUSE")).Select(m => (m.Name, (long)m.Value)));

            string code = result.EnumTrees().Single().ToString();
            string writeError = Between(code, "FTEC_READ_ERROR = ", "FTEC_WRITE_ERROR = ");
            Assert.Contains("Storage write error on the record.", writeError);
            Assert.DoesNotContain("Maximum duration threshold", writeError); // moved to its own member
            Assert.Contains("The stop-on-silence threshold has been reached.", writeError); // not added: stays where the page put it
            Assert.Contains("Maximum duration threshold has been reached on the record.", Between(code, "FTEC_WRITE_ERROR = ", "FTEC_MAX_DURATION_REACHED = "));
            Assert.Contains("Woken up from the pause", Between(code, "FTEC_MAX_DURATION_REACHED = ", "FTEC_PAUSE_ON_SILENCE_SIGNAL_DETECTED = "));
        }

        [Fact]
        public void Enum_name_flags_and_rename_apply_and_references_follow_a_rename()
        {
            TestManifest page = TestManifests.Page("ne-tapi3if-call_state.md");
            GeneratorDriverRunResult result = Run(page, """
                enum-name = CallState
                flags = false
                rename CS_QUEUED = CS_IN_QUEUE
                rename CS_IDLE = Idle
                """);

            Type type = LoadedEnums.Load(result, "CallState");
            Assert.False(type.IsDefined(typeof(FlagsAttribute), false));
            var values = LoadedEnums.Values(type);
            Assert.Equal(0, (int)values["Idle"]);
            Assert.Equal(6, (int)values["CS_IN_QUEUE"]);
            Assert.Equal(6, (int)values["CS_LASTITEM"]);
            Assert.False(values.ContainsKey("CS_QUEUED"));
            Assert.Contains("CS_LASTITEM = CS_IN_QUEUE,", result.EnumTrees().Single().ToString());
        }

        [Fact]
        public void The_overrides_file_wins_over_item_metadata_and_flags_true_forces_Flags()
        {
            TestManifest page = TestManifests.Page("ne-tapi3if-call_state.md");
            GeneratorDriverRunResult result = Run(page, "enum-name = FromOverrides\nflags = true\n", ("EnumName", "FromMetadata"), ("Flags", "false"));
            Assert.True(LoadedEnums.Load(result, "FromOverrides").IsDefined(typeof(FlagsAttribute), false));
        }

        [Fact]
        public void A_value_override_ends_user_activity_presence_TG0019()
        {
            var page = LoadedEnums.Page(
                "USER_ACTIVITY_PRESENCE",
                ("PowerUserPresent", "Present."),
                ("PowerUserNotPresent", "Not present."),
                ("PowerUserInactive", "Inactive."),
                ("PowerUserMaximum", "PowerUserMaximum = PowerUserInvalid."),
                ("PowerUserInvalid", "Invalid state."));
            GeneratorDriverRunResult result = Run(page, "value PowerUserInvalid = PowerUserMaximum\n");
            Assert.DoesNotContain(result.Diagnostics, d => d.Id == "TG0019");
            Assert.Equal(3, (int)LoadedEnums.Values(LoadedEnums.Load(result, "USER_ACTIVITY_PRESENCE"))["PowerUserInvalid"]);
        }

        [Fact]
        public void Comments_blank_lines_tabs_CRLF_and_a_BOM_are_fine()
        {
            TestManifest page = TestManifests.Inline("E", "A", "B");
            GeneratorDriverRunResult result = Run(page, "\uFEFF# comment\r\n\r\n   # indented comment\r\n\tvalue\tB\t=\t0x10\t\r\nadd C\r\n");
            Assert.Empty(result.Diagnostics);
            Assert.Equal(new long[] { 0, 16, 17 }, LoadedEnums.Members(LoadedEnums.Load(result, "E")).Select(m => (long)m.Value));
        }

        [Fact]
        public void An_override_naming_no_member_is_TG0021_at_its_line_and_column()
        {
            TestManifest page = TestManifests.Inline("E", "A", "B");
            GeneratorDriverRunResult result = Run(page, "value A = 1\n\nrename  NOT_THERE = X\nvalue B = 2\n");
            Diagnostic error = Assert.Single(result.Diagnostics, d => d.Id == "TG0021");
            Assert.Equal(DiagnosticSeverity.Error, error.Severity);
            Assert.Equal(page.Path + ".tapigen", error.Location.GetLineSpan().Path);
            Assert.Equal((3, 9), At(error));
            Assert.Equal(9, error.Location.GetLineSpan().EndLinePosition.Character - error.Location.GetLineSpan().StartLinePosition.Character);
            Assert.Contains("NOT_THERE", error.GetMessage());
            Assert.Contains("e.md", error.GetMessage());
            Assert.Empty(result.GeneratedTrees);
        }

        [Theory]
        [InlineData("nonsense", 1, 1)]
        [InlineData("value A", 1, 1)]
        [InlineData("value A =", 1, 1)]
        [InlineData("value A = B + ", 1, 11)]
        [InlineData("value A = LATER", 1, 11)]
        [InlineData("value A = 1\nvalue A = 2", 2, 1)]
        [InlineData("value A-B = 1", 1, 7)]
        [InlineData("rename A = not valid", 1, 12)]
        [InlineData("rename A = B", 1, 12)]
        [InlineData("rename A = class", 1, 0)]
        [InlineData("add A = 3", 1, 5)]
        [InlineData("add C =", 1, 1)]
        [InlineData("enum-name = 9lives", 1, 13)]
        [InlineData("enum-name = X\nenum-name = Y", 2, 1)]
        [InlineData("flags = maybe", 1, 9)]
        [InlineData("flags", 1, 1)]
        [InlineData("value A B = 1", 1, 1)]
        public void Bad_lines_are_TG0022_at_their_position_and_stop_generation(string overrides, int line, int column)
        {
            TestManifest page = TestManifests.Inline("E", "A", "B");
            GeneratorDriverRunResult result = Run(page, overrides + "\n");
            if (column == 0)
            {
                // 'class' is a keyword, but a valid (escaped) identifier: renaming to it is allowed.
                Assert.Empty(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
                Assert.Contains("@class = 0,", result.EnumTrees().Single().ToString());
                return;
            }

            Diagnostic error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
            Assert.Equal("TG0022", error.Id);
            Assert.Equal(page.Path + ".tapigen", error.Location.GetLineSpan().Path);
            Assert.Equal((line, column), At(error));
            Assert.Empty(result.GeneratedTrees);
        }

        [Theory]
        [InlineData("add C", 1, 5)] // counted past ulong.MaxValue from B
        [InlineData("add C = 0x10000000000000000", 1, 9)]
        [InlineData("value B = 0x10000000000000000", 1, 11)]
        public void A_value_out_of_range_from_the_overrides_file_is_TG0009_at_its_line(string overrides, int line, int column)
        {
            // Found by FuzzTests: an added member's value has no heading to point at.
            TestManifest page = TestManifests.Inline("E", "A:0", "B:0xFFFFFFFFFFFFFFFF");
            GeneratorDriverRunResult result = Run(page, overrides + "\n");
            Diagnostic error = Assert.Single(result.Diagnostics);
            Assert.Equal("TG0009", error.Id);
            Assert.Equal(page.Path + ".tapigen", error.Location.GetLineSpan().Path);
            Assert.Equal((line, column), At(error));
        }

        [Fact]
        public void An_error_in_one_overrides_file_stops_only_its_manifest()
        {
            TestManifest bad = TestManifests.Inline("BAD", "A", "B"), good = TestManifests.Inline("GOOD", "A:1");
            var result = ItemHarness.Run(
                ItemFile.Manifest(bad), ItemFile.OverridesFor(bad, "value NOPE = 1\n"),
                ItemFile.Manifest(good), ItemFile.OverridesFor(good, "value A = 2\n")).Result;
            Assert.Single(result.Diagnostics, d => d.Id == "TG0021");
            Assert.Equal(2, (int)LoadedEnums.Values(LoadedEnums.Load(result, "GOOD", allowErrors: true))["A"]);
            Assert.Single(result.EnumTrees());
        }

        [Fact]
        public void Two_overrides_files_for_one_manifest_are_an_error_at_each()
        {
            TestManifest page = TestManifests.Inline("E", "A", "B");
            var result = ItemHarness.Run(
                ItemFile.Manifest(page),
                ItemFile.OverridesFor(page, "value A = 1\n"),
                ItemFile.OverridesFor(page, "value A = 2\n", "/elsewhere/fixes.tapigen")).Result;
            var errors = result.Diagnostics.Where(d => d.Id == "TG0022").ToList();
            Assert.Equal(new[] { "/elsewhere/fixes.tapigen", page.Path + ".tapigen" }, errors.Select(e => e.Location.GetLineSpan().Path).OrderBy(p => p, StringComparer.Ordinal));
            Assert.Empty(result.GeneratedTrees);
        }

        [Fact]
        public void Overrides_pair_by_path_even_when_spelled_with_other_slashes_and_case()
        {
            var page = new TestManifest(@"C:\Repo\Manifests\e.md", TestManifests.Inline("E", "A", "B").Text);
            var sidecar = new ItemFile(@"C:\Repo\Manifests\e.md.tapigen", "value B = 9\n", new Dictionary<string, string> { ["TapiGenOverridesFor"] = "c:/repo/manifests/E.md" });
            var result = ItemHarness.Run(ItemFile.Manifest(page), sidecar).Result;
            Assert.Equal(9, (int)LoadedEnums.Values(LoadedEnums.Load(result, "E"))["B"]);
        }

        [Fact]
        public void An_overrides_file_without_its_manifest_is_ignored_and_a_plain_tapigen_file_is_not_read()
        {
            TestManifest page = TestManifests.Inline("E", "A:1");
            var result = ItemHarness.Run(
                ItemFile.Manifest(page),
                new ItemFile("/other/x.md.tapigen", "value NOPE = 1\n", new Dictionary<string, string> { ["TapiGenOverridesFor"] = "/other/x.md" }),
                new ItemFile("/manifests/e.md.tapigen", "value NOPE = 1\n", new Dictionary<string, string>())).Result;
            Assert.Empty(result.Diagnostics);
            Assert.Single(result.EnumTrees());
        }

        [Fact]
        public void Editing_an_overrides_file_re_parses_only_its_manifest()
        {
            TestManifest a = TestManifests.Inline("AA", "X:1"), b = TestManifests.Inline("BB", "Y:1");
            var files = new[] { ItemFile.Manifest(a), ItemFile.OverridesFor(a, "value X = 2\n"), ItemFile.Manifest(b) };
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            Compilation compilation = GeneratorHarness.CreateCompilation(parseOptions, null, TargetRefs.Net80);
            GeneratorDriver driver = ItemHarness.CreateDriver(files, null, parseOptions, trackSteps: true, out var texts).RunGenerators(compilation);

            var steps = driver.GetRunResult().Results.Single().TrackedSteps;
            foreach (string name in new[] { "OverridesFiles", "AllOverrides", "Manifests", "ManifestsWithOverrides", "Parse" })
            {
                Assert.True(steps.ContainsKey(name), "missing tracked step " + name);
            }

            driver = driver.ReplaceAdditionalText(texts[1], new GeneratorHarness.TestAdditionalText(files[1].Path, "value X = 3\n")).RunGenerators(compilation);
            var parse = driver.GetRunResult().Results.Single().TrackedSteps["Parse"];
            Assert.Equal(1, parse.Count(s => s.Outputs.Any(o => o.Reason == IncrementalStepRunReason.Modified)));
            Assert.Equal(1, parse.Count(s => s.Outputs.All(o => o.Reason == IncrementalStepRunReason.Cached || o.Reason == IncrementalStepRunReason.Unchanged)));
            Assert.Contains("X = 3,", driver.GetRunResult().GeneratedTrees.Single(t => t.FilePath.EndsWith("AA.g.cs", StringComparison.Ordinal)).ToString());

            driver = driver.RunGenerators(compilation.Clone());
            Assert.All(
                driver.GetRunResult().Results.Single().TrackedSteps["ManifestsWithOverrides"].SelectMany(s => s.Outputs),
                o => Assert.True(o.Reason == IncrementalStepRunReason.Cached || o.Reason == IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        }

        private static string Between(string text, string start, string end)
        {
            int from = text.IndexOf(start, StringComparison.Ordinal);
            int to = text.IndexOf(end, from + 1, StringComparison.Ordinal);
            Assert.True(from >= 0 && to > from, "'" + start + "' .. '" + end + "' not found");
            return text.Substring(from, to - from);
        }
    }
}
