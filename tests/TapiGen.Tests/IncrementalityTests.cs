using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using TapiGen.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Tests
{
    /// <summary>The pipeline caches: reruns do no work, and an edit touches only its own manifest's outputs.</summary>
    public class IncrementalityTests
    {
        private static readonly string[] s_trackedSteps =
        {
            "Manifests", "Parse", "Diagnostics", "ProjectDiagnostics", "NoManifests", "Models", "EnumNames", "Duplicates", "Facts", "EmitInputs",
        };

        private static (GeneratorDriver Driver, Compilation Compilation, TestManifest[] Manifests, IReadOnlyList<AdditionalText> Texts) FirstRun()
        {
            var manifests = new[]
            {
                TestManifests.Page("ne-tapi3-agent_session_event.md"),
                TestManifests.Page("ne-tapi3if-call_state.md"),
                TestManifests.Page("ne-tapi3if-tapi_event.md"),
            };
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            var compilation = GeneratorHarness.CreateCompilation(parseOptions, "namespace App { public class C { } }", TargetRefs.Net80);
            GeneratorDriver driver = GeneratorHarness.CreateDriver(manifests, new GeneratorHarness.RunOptions(TrackSteps: true), parseOptions, out var texts);
            driver = driver.RunGenerators(compilation);
            return (driver, compilation, manifests, texts);
        }

        private static Dictionary<string, ImmutableArray<IncrementalGeneratorRunStep>> Steps(GeneratorDriver driver)
            => driver.GetRunResult().Results.Single().TrackedSteps.ToDictionary(kv => kv.Key, kv => kv.Value);

        [Fact]
        public void Every_step_has_a_tracking_name()
        {
            var (driver, _, _, _) = FirstRun();
            var steps = Steps(driver);
            foreach (string name in s_trackedSteps)
            {
                Assert.True(steps.ContainsKey(name), "missing tracked step " + name);
            }
        }

        [Fact]
        public void A_rerun_with_a_cloned_compilation_is_fully_cached()
        {
            var (driver, compilation, _, _) = FirstRun();
            driver = driver.RunGenerators(compilation.Clone());
            foreach (var (name, runs) in Steps(driver).Where(kv => s_trackedSteps.Contains(kv.Key)))
            {
                foreach (IncrementalGeneratorRunStep run in runs)
                {
                    Assert.All(run.Outputs, o => Assert.True(
                        o.Reason == IncrementalStepRunReason.Cached || o.Reason == IncrementalStepRunReason.Unchanged,
                        $"{name}: {o.Reason}"));
                }
            }

            Assert.All(driver.GetRunResult().Results.Single().TrackedOutputSteps.SelectMany(kv => kv.Value).SelectMany(r => r.Outputs),
                o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        }

        [Fact]
        public void Editing_an_unrelated_CSharp_file_regenerates_nothing()
        {
            var (driver, compilation, _, _) = FirstRun();
            var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace App { public class D { } }", new CSharpParseOptions(LanguageVersion.Latest)));
            driver = driver.RunGenerators(edited);
            Assert.All(driver.GetRunResult().Results.Single().TrackedOutputSteps.SelectMany(kv => kv.Value).SelectMany(r => r.Outputs),
                o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        }

        [Fact]
        public void Editing_one_manifest_changes_only_its_outputs()
        {
            var (driver, compilation, manifests, texts) = FirstRun();
            string before = string.Join("\n", driver.GetRunResult().GeneratedTrees.Select(t => t.FilePath + t.GetText()));

            TestManifest target = manifests[1];
            var replacement = new TestManifest(target.Path, target.Text.Replace("The call has been created", "The call was created"));
            driver = driver.ReplaceAdditionalText(texts[1], new GeneratorHarness.TestAdditionalText(replacement.Path, replacement.Text));
            driver = driver.RunGenerators(compilation);

            var parse = Steps(driver)["Parse"];
            Assert.Equal(1, parse.Count(s => s.Outputs.Any(o => o.Reason == IncrementalStepRunReason.Modified)));
            Assert.Equal(2, parse.Count(s => s.Outputs.All(o => o.Reason == IncrementalStepRunReason.Cached)));

            var emitted = driver.GetRunResult().Results.Single().TrackedOutputSteps.SelectMany(kv => kv.Value).SelectMany(r => r.Outputs).ToList();
            Assert.Equal(1, emitted.Count(o => o.Reason == IncrementalStepRunReason.Modified));
            Assert.DoesNotContain(emitted, o => o.Reason == IncrementalStepRunReason.New || o.Reason == IncrementalStepRunReason.Removed);

            GeneratorDriverRunResult after = driver.GetRunResult();
            Assert.Contains("The call was created", after.GeneratedTrees.Single(t => t.FilePath.EndsWith("CALL_STATE.g.cs", StringComparison.Ordinal)).ToString());
            Assert.NotEqual(before, string.Join("\n", after.GeneratedTrees.Select(t => t.FilePath + t.GetText())));
        }

        [Fact]
        public void Moving_text_outside_descriptions_does_not_re_emit()
        {
            var (driver, compilation, manifests, texts) = FirstRun();
            TestManifest target = manifests[0];
            string shifted = target.Text.Replace("## -see-also", "## -see-also\n\n\n");
            driver = driver.ReplaceAdditionalText(texts[0], new GeneratorHarness.TestAdditionalText(target.Path, shifted));
            driver = driver.RunGenerators(compilation);

            var models = Steps(driver)["Models"];
            Assert.All(models.SelectMany(s => s.Outputs), o => Assert.True(o.Reason == IncrementalStepRunReason.Cached || o.Reason == IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
            var sourceOutputs = driver.GetRunResult().Results.Single().TrackedOutputSteps
                .Where(kv => kv.Key == "SourceOutput")
                .SelectMany(kv => kv.Value).SelectMany(r => r.Outputs);
            Assert.DoesNotContain(sourceOutputs, o => o.Reason == IncrementalStepRunReason.Modified || o.Reason == IncrementalStepRunReason.New);
        }

        private static readonly string[] s_headerSteps = { "HeaderFiles", "HeaderParse", "HeaderIndex", "HeaderLookup", "Plan" };

        private const string AgentHeader = "/* a.h */\ntypedef enum AGENT_SESSION_EVENT { ASE_NEW_SESSION = 0, ASE_NOT_READY, ASE_READY, ASE_BUSY, ASE_WRAPUP, ASE_END } AGENT_SESSION_EVENT;\n";
        private const string CallHeader = "/* b.h */\ntypedef enum CALL_STATE { CS_IDLE = 0, CS_INPROGRESS, CS_CONNECTED, CS_DISCONNECTED, CS_OFFERING, CS_HOLD, CS_QUEUED, CS_LASTITEM = CS_QUEUED } CALL_STATE;\n";

        /// <summary>Three manifests and two headers, each declaring the enum of one manifest.</summary>
        private static (GeneratorDriver Driver, Compilation Compilation, IReadOnlyList<AdditionalText> Texts) FirstRunWithHeaders()
        {
            static TestManifest Header(string path, string text)
                => new TestManifest(path, text, IsManifest: false, Metadata: new Dictionary<string, string> { ["TapiGenHeader"] = "true" });
            var files = new[]
            {
                TestManifests.Page("ne-tapi3-agent_session_event.md"),
                TestManifests.Page("ne-tapi3if-call_state.md"),
                TestManifests.Page("ne-tapi3if-tapi_event.md"),
                Header("/headers/a.h", AgentHeader),
                Header("/headers/b.h", CallHeader),
            };
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            var compilation = GeneratorHarness.CreateCompilation(parseOptions, "namespace App { public class C { } }", TargetRefs.Net80);
            GeneratorDriver driver = GeneratorHarness.CreateDriver(files, new GeneratorHarness.RunOptions(TrackSteps: true), parseOptions, out var texts);
            driver = driver.RunGenerators(compilation);
            Assert.DoesNotContain(driver.GetRunResult().Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
            return (driver, compilation, texts);
        }

        private static List<IncrementalStepRunReason> Reasons(GeneratorDriver driver, string step)
            => Steps(driver)[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();

        [Fact]
        public void With_headers_every_step_is_tracked_and_a_rerun_is_fully_cached()
        {
            var (driver, compilation, _) = FirstRunWithHeaders();
            Assert.All(s_headerSteps, name => Assert.True(Steps(driver).ContainsKey(name), "missing tracked step " + name));
            driver = driver.RunGenerators(compilation.Clone());
            foreach (string name in s_headerSteps.Concat(s_trackedSteps))
            {
                Assert.All(Reasons(driver, name), r => Assert.True(r == IncrementalStepRunReason.Cached || r == IncrementalStepRunReason.Unchanged, name + ": " + r));
            }

            Assert.All(driver.GetRunResult().Results.Single().TrackedOutputSteps.SelectMany(kv => kv.Value).SelectMany(r => r.Outputs),
                o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        }

        [Fact]
        public void Editing_a_header_re_reads_that_header_and_re_plans_only_the_manifest_it_feeds()
        {
            var (driver, compilation, texts) = FirstRunWithHeaders();
            AdditionalText callHeader = texts.Single(t => t.Path == "/headers/b.h");
            driver = driver.ReplaceAdditionalText(callHeader, new GeneratorHarness.TestAdditionalText(callHeader.Path, CallHeader.Replace("CS_QUEUED }", "CS_QUEUED, CS_NEWER }")));
            driver = driver.RunGenerators(compilation);

            List<IncrementalStepRunReason> parsed = Reasons(driver, "HeaderParse");
            Assert.Equal(1, parsed.Count(r => r == IncrementalStepRunReason.Modified));
            Assert.Equal(1, parsed.Count(r => r == IncrementalStepRunReason.Cached));
            List<IncrementalStepRunReason> lookups = Reasons(driver, "HeaderLookup");
            Assert.Equal(1, lookups.Count(r => r == IncrementalStepRunReason.Modified));
            Assert.Equal(2, lookups.Count(r => r == IncrementalStepRunReason.Unchanged));
            List<IncrementalStepRunReason> plans = Reasons(driver, "Plan");
            Assert.Equal(1, plans.Count(r => r == IncrementalStepRunReason.Modified));
            Assert.Equal(2, plans.Count(r => r == IncrementalStepRunReason.Cached));
            Assert.All(Reasons(driver, "Parse"), r => Assert.Equal(IncrementalStepRunReason.Cached, r));

            // Re-emitted: CALL_STATE's files, and its diagnostics (TG0029 now says the page lacks CS_NEWER); nothing else.
            var emitted = driver.GetRunResult().Results.Single().TrackedOutputSteps.SelectMany(kv => kv.Value).SelectMany(r => r.Outputs).ToList();
            Assert.Equal(2, emitted.Count(o => o.Reason == IncrementalStepRunReason.Modified));
            Assert.Contains(driver.GetRunResult().Diagnostics, d => d.Id == "TG0029" && d.GetMessage().Contains("CS_NEWER"));
            Assert.Contains("CS_NEWER", driver.GetRunResult().GeneratedTrees.Single(t => t.FilePath.EndsWith("CALL_STATE.g.cs", StringComparison.Ordinal)).ToString());
        }

        [Fact]
        public void A_header_edit_that_changes_no_value_re_emits_nothing()
        {
            var (driver, compilation, texts) = FirstRunWithHeaders();
            AdditionalText callHeader = texts.Single(t => t.Path == "/headers/b.h");
            driver = driver.ReplaceAdditionalText(callHeader, new GeneratorHarness.TestAdditionalText(callHeader.Path, "/* a comment\n   that moves every line */\n" + CallHeader));
            driver = driver.RunGenerators(compilation);
            Assert.All(Reasons(driver, "Models"), r => Assert.True(r == IncrementalStepRunReason.Cached || r == IncrementalStepRunReason.Unchanged, r.ToString()));
            var sourceOutputs = driver.GetRunResult().Results.Single().TrackedOutputSteps.Where(kv => kv.Key == "SourceOutput").SelectMany(kv => kv.Value).SelectMany(r => r.Outputs);
            Assert.DoesNotContain(sourceOutputs, o => o.Reason == IncrementalStepRunReason.Modified || o.Reason == IncrementalStepRunReason.New);
        }

        [Fact]
        public void An_unrelated_edit_re_reads_no_header()
        {
            var (driver, compilation, _) = FirstRunWithHeaders();
            driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace App { public class D { } }", new CSharpParseOptions(LanguageVersion.Latest))));
            Assert.All(Reasons(driver, "HeaderParse").Concat(Reasons(driver, "HeaderLookup")).Concat(Reasons(driver, "Plan")), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        }

        [Fact]
        public void No_step_output_holds_compiler_objects()
        {
            var (driver, _, _) = FirstRunWithHeaders();
            foreach (var (name, runs) in Steps(driver).Where(kv => s_trackedSteps.Contains(kv.Key) || s_headerSteps.Contains(kv.Key)))
            {
                foreach (var output in runs.SelectMany(r => r.Outputs))
                {
                    AssertNoCompilerObjects(output.Value, name, new HashSet<object>(ReferenceEqualityComparer.Instance), depth: 0);
                }
            }
        }

        private static void AssertNoCompilerObjects(object? value, string path, HashSet<object> seen, int depth)
        {
            if (value is null || depth > 20 || value is string || value.GetType().IsPrimitive || value is System.Numerics.BigInteger || value is Enum)
            {
                return;
            }

            Assert.False(
                value is ISymbol || value is Compilation || value is SyntaxNode || value is SyntaxTree || value is AdditionalText || value is SourceText,
                $"{path} holds a {value.GetType().Name}");
            if (!value.GetType().IsValueType && !seen.Add(value))
            {
                return;
            }

            if (value is IEnumerable items)
            {
                int i = 0;
                foreach (object? item in items)
                {
                    AssertNoCompilerObjects(item, $"{path}[{i++}]", seen, depth + 1);
                }

                return;
            }

            foreach (FieldInfo field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                AssertNoCompilerObjects(field.GetValue(value), path + "." + field.Name, seen, depth + 1);
            }
        }
    }
}
