using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TapiGen.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Tests.Helpers
{
    /// <summary>
    /// The helpers, and a consumer calling every overload the target has, compile with no warning (all warning
    /// levels, documentation diagnostics on) from C# 7.3 up, for netstandard2.0 (with and without System.Memory),
    /// net472 and net8.0, whatever the accessibility and namespace.
    /// </summary>
    public class HelpersCompatibilityTests
    {
        public enum Target
        {
            NetStandard20,
            NetStandard20WithSystemMemory,
            Net472,
            Net80,
        }

        private static readonly TestManifest[] s_manifests =
        {
            TestManifests.Page("ne-tapi3if-call_state.md"),
            TestManifests.Page("ne-tapi3if-tapi_event.md"),
            TestManifests.Inline("WIDE", "A:-1", "B:0x100000000"),
            TestManifests.Inline("UWIDE", "A:0", "B:0xFFFFFFFFFFFFFFFF"),
            TestManifests.Inline("KEYWORDS", "int", "event:5", "class"),
            TestManifests.Inline("NONASCII", "Straße:1", "STRASSE:2", "été:4"),
            TestManifests.Inline("UFLAGS", "A:0x1", "B:0x2", "C:0x4", "D:0x80000000"),
            new TestManifest("/manifests/empty.md", "# EMPTY enumeration\n\n## -enum-fields\n\nNone yet.\n"),
        };

        [Theory]
        [InlineData(LanguageVersion.CSharp7_3, Target.NetStandard20)]
        [InlineData(LanguageVersion.CSharp7_3, Target.Net472)]
        [InlineData(LanguageVersion.CSharp7_3, Target.NetStandard20WithSystemMemory)]
        [InlineData(LanguageVersion.CSharp8, Target.NetStandard20)]
        [InlineData(LanguageVersion.CSharp10, Target.NetStandard20WithSystemMemory)]
        [InlineData(LanguageVersion.CSharp11, Target.NetStandard20WithSystemMemory)]
        [InlineData(LanguageVersion.CSharp10, Target.Net80)]
        [InlineData(LanguageVersion.CSharp13, Target.Net80)]
        [InlineData(LanguageVersion.CSharp14, Target.Net80)]
        [InlineData(LanguageVersion.CSharp14, Target.NetStandard20)]
        [InlineData(LanguageVersion.Latest, Target.Net80)]
        public void Helpers_and_their_callers_compile_without_warnings(LanguageVersion version, Target target)
        {
            Compile(version, target, new Dictionary<string, string>(), "Tapi.Tests.");
        }

        [Theory]
        [InlineData(LanguageVersion.CSharp7_3, Target.NetStandard20)]
        [InlineData(LanguageVersion.Latest, Target.Net80)]
        public void Internal_helpers_in_the_global_namespace_compile_without_warnings(LanguageVersion version, Target target)
        {
            var options = new Dictionary<string, string>
            {
                ["build_property.RootNamespace"] = string.Empty,
                ["build_property.TapiGenAccessibility"] = "internal",
            };
            CSharpCompilation compilation = Compile(version, target, options, string.Empty);
            INamedTypeSymbol helpers = compilation.GetTypeByMetadataName("CALL_STATEExtensions")!;
            Assert.Equal(Accessibility.Internal, helpers.DeclaredAccessibility);
        }

        [Fact]
        public void The_enum_type_has_the_static_helpers_from_CSharp_14_only()
        {
            const string call = "CALL_STATE.TryParse(\"CS_IDLE\", out CALL_STATE state) && CALL_STATE.GetValues().Length == CALL_STATE.Length";
            foreach (var (version, compiles) in new[] { (LanguageVersion.CSharp13, false), (LanguageVersion.CSharp14, true) })
            {
                GeneratorDriverRunResult result = Run(version, Target.Net80, new Dictionary<string, string>());
                var parseOptions = new CSharpParseOptions(version);
                string source = "using Tapi.Tests;\npublic static class Use { public static bool Run() => " + call + "; }";
                CSharpCompilation compilation = CreateCompilation(parseOptions, Target.Net80)
                    .AddSyntaxTrees(result.GeneratedTrees.Select(t => CSharpSyntaxTree.ParseText(t.GetText(), parseOptions, t.FilePath)))
                    .AddSyntaxTrees(CSharpSyntaxTree.ParseText(source, parseOptions, "Use.cs"));
                var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                Assert.True(compiles == (errors.Count == 0), version + ": " + string.Join("\n", errors));
                if (!compiles)
                {
                    Assert.Contains(errors, e => e.Id == "CS0117"); // 'CALL_STATE' does not contain a definition for 'TryParse'
                }
            }
        }

        [Fact]
        public void Spans_are_used_exactly_where_the_target_has_them()
        {
            static (string Helpers, string Support) Files(LanguageVersion version, Target target)
            {
                GeneratorDriverRunResult result = Run(version, target, new Dictionary<string, string>());
                return (
                    result.GeneratedTrees.Single(t => t.FilePath.EndsWith("CALL_STATE.Extensions.g.cs", StringComparison.Ordinal)).ToString(),
                    result.SupportTree()!.ToString());
            }

            var old = Files(LanguageVersion.CSharp7_3, Target.NetStandard20);
            Assert.DoesNotContain("ReadOnlySpan", old.Helpers);
            Assert.DoesNotContain("ReadOnlySpan", old.Support);
            Assert.Contains("IReadOnlyList<global::Tapi.Tests.CALL_STATE> GetValues()", old.Helpers);
            Assert.Contains("TryMatch(string text, int start, int length, bool ignoreCase, out ulong value)", old.Support);

            foreach (var spans in new[] { Files(LanguageVersion.CSharp10, Target.NetStandard20WithSystemMemory), Files(LanguageVersion.Latest, Target.Net80) })
            {
                Assert.Contains("ReadOnlySpan<global::Tapi.Tests.CALL_STATE> GetValues()", spans.Helpers);
                Assert.Contains("TryParse(global::System.ReadOnlySpan<byte> utf8Text, out global::Tapi.Tests.CALL_STATE result)", spans.Helpers);
                Assert.Contains("TryMatchUtf8(global::System.ReadOnlySpan<byte> text, bool ignoreCase, out ulong value)", spans.Support);
                Assert.DoesNotContain("TryMatch(string text, int start", spans.Support);
            }
        }

        private static CSharpCompilation Compile(LanguageVersion version, Target target, Dictionary<string, string> globalOptions, string ns)
        {
            GeneratorDriverRunResult result = Run(version, target, globalOptions);
            Assert.Empty(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
            Assert.Contains(result.GeneratedTrees, t => t.FilePath.EndsWith("CALL_STATE.Extensions.g.cs", StringComparison.Ordinal));

            var parseOptions = new CSharpParseOptions(version, DocumentationMode.Diagnose);
            bool spans = target is Target.Net80 or Target.NetStandard20WithSystemMemory;
            CSharpCompilation compilation = CreateCompilation(parseOptions, target)
                .AddSyntaxTrees(result.GeneratedTrees.Select(t => CSharpSyntaxTree.ParseText(t.GetText(), parseOptions, t.FilePath)))
                .AddSyntaxTrees(CSharpSyntaxTree.ParseText(Consumer(ns, version, spans), parseOptions, "Consumer.cs"));
            var problems = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning || d.IsWarningAsError).ToList();
            Assert.True(problems.Count == 0, $"Helpers do not compile cleanly ({version}, {target}):\n" + string.Join("\n", problems.Take(30)));
            return compilation;
        }

        private static GeneratorDriverRunResult Run(LanguageVersion version, Target target, Dictionary<string, string> globalOptions)
        {
            var parseOptions = new CSharpParseOptions(version);
            var options = new GeneratorHarness.RunOptions(LanguageVersion: version, GlobalOptions: globalOptions);
            GeneratorDriver driver = GeneratorHarness.CreateDriver(s_manifests, options, parseOptions);
            return driver.RunGenerators(CreateCompilation(parseOptions, target)).GetRunResult();
        }

        private static CSharpCompilation CreateCompilation(CSharpParseOptions parseOptions, Target target)
        {
            TargetRefs refs = target switch
            {
                Target.Net472 => TargetRefs.Net472,
                Target.Net80 => TargetRefs.Net80,
                _ => TargetRefs.NetStandard20,
            };
            CSharpCompilation compilation = GeneratorHarness.CreateCompilation(parseOptions, null, refs);
            return target == Target.NetStandard20WithSystemMemory ? compilation.AddReferences(SystemMemoryReferences()) : compilation;
        }

        /// <summary>System.Memory and its dependencies for netstandard2.0, from the packages the test project downloads.</summary>
        private static IEnumerable<MetadataReference> SystemMemoryReferences()
        {
            string root = typeof(HelpersCompatibilityTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "NuGetPackageRoot").Value!;
            string[] paths =
            {
                Path.Combine(root, "system.memory", "4.5.5", "lib", "netstandard2.0", "System.Memory.dll"),
                Path.Combine(root, "system.buffers", "4.5.1", "lib", "netstandard2.0", "System.Buffers.dll"),
                Path.Combine(root, "system.runtime.compilerservices.unsafe", "4.5.3", "lib", "netstandard2.0", "System.Runtime.CompilerServices.Unsafe.dll"),
            };
            foreach (string path in paths)
            {
                Assert.True(File.Exists(path), "Missing " + path + " (restore downloads it: PackageDownload in TapiGen.Tests.csproj)");
                yield return MetadataReference.CreateFromFile(path);
            }
        }

        /// <summary>A consumer that calls each helper the target offers, in the syntax of <paramref name="version"/>.</summary>
        private static string Consumer(string ns, LanguageVersion version, bool spans)
        {
            string call = "global::" + ns + "CALL_STATE";
            string flags = "global::" + ns + "TAPI_EVENT";
            string nullable = version >= LanguageVersion.CSharp8 ? "?" : string.Empty;
            string count = spans ? "Length" : "Count";
            var body = new List<string>
            {
                $"int total = {call}Extensions.Length + {call}Extensions.GetValues().{count} + {call}Extensions.GetNames().{count};",
                $"string text = {call}.CS_IDLE.ToStringFast() + {flags}.TE_ADDRESS.ToStringFast();",
                $"string{nullable} description = {call}.CS_IDLE.GetDescription();",
                $"{call} value;",
                $"bool ok = {call}Extensions.TryParse(\"CS_IDLE\", out value) && {call}Extensions.TryParse(\"cs_idle\", true, out value)",
                $"    && {call}Extensions.TryParse(\"7\", false, false, out value) && {call}Extensions.IsDefined(value) && {call}Extensions.IsDefined(\"CS_IDLE\")",
                $"    && {call}Extensions.IsDefined(\"cs_idle\", ignoreCase: true);",
                $"value = {call}Extensions.Parse(\"CS_IDLE\") | {call}Extensions.Parse(\"cs_hold\", true) | {call}Extensions.Parse(\"1\", false, true);",
                $"{flags} all = {flags}Extensions.AllFlags;",
                $"ok &= all.HasFlagFast({flags}.TE_ADDRESS) && all.HasAllFlags({flags}.TE_ADDRESS) && all.HasAnyFlags({flags}.TE_ADDRESS) && all.HasOnlyKnownFlags();",
                $"all = all.ClearFlags({flags}.TE_ADDRESS).SetFlags({flags}.TE_AGENT);",
                $"global::{ns}UWIDE wide = global::{ns}UWIDEExtensions.Parse(\"18446744073709551615\");",
                $"global::{ns}@KEYWORDS keyword = global::{ns}KEYWORDSExtensions.Parse(\"event\");",
                $"global::{ns}EMPTY empty = global::{ns}EMPTYExtensions.Parse(\"0\");",
            };
            if (spans)
            {
                body.Add($"ok &= {call}Extensions.TryParse(global::System.MemoryExtensions.AsSpan(\"CS_IDLE\"), out value) && {call}Extensions.IsDefined(global::System.MemoryExtensions.AsSpan(\"CS_IDLE\"), true);");
                body.Add($"value = {call}Extensions.Parse(global::System.MemoryExtensions.AsSpan(\" CS_IDLE \"), true, false);");
                body.Add($"byte[] utf8 = new byte[] {{ 0x43, 0x53, 0x5F, 0x48, 0x4F, 0x4C, 0x44 }};");
                body.Add($"ok &= {call}Extensions.TryParse(new global::System.ReadOnlySpan<byte>(utf8), true, out value);");
                body.Add($"value = {call}Extensions.Parse(new global::System.ReadOnlySpan<byte>(utf8));");
                if (version >= LanguageVersion.CSharp11)
                {
                    body.Add($"ok &= {call}Extensions.TryParse(\"CS_HOLD\"u8, out value);");
                }
            }

            if (version >= LanguageVersion.CSharp14)
            {
                // C# 14: the static helpers are members of the enum type as well (extension blocks).
                body.Add($"total += {call}.Length + {call}.GetValues().{count} + {call}.GetNames().{count};");
                body.Add($"ok &= {call}.TryParse(\"cs_idle\", ignoreCase: true, out value) && {call}.IsDefined(value) && {call}.IsDefined(\"CS_IDLE\");");
                body.Add($"value = {call}.Parse(\"CS_HOLD\");");
            }

            body.Add("return ok ? text.Length + total + (int)value + (int)all + (int)wide + (int)keyword + (int)empty + (description == null ? 0 : 1) : 0;");
            string usings = ns.Length == 0 ? string.Empty : "using " + ns.TrimEnd('.') + ";\n\n";
            return usings + "namespace Consumer\n{\n    /// <summary>Calls the helpers.</summary>\n    public static class Use\n    {\n"
                + "        /// <summary>Calls the helpers.</summary>\n        /// <returns>Something.</returns>\n        public static int Run()\n        {\n"
                + string.Concat(body.Select(line => "            " + line + "\n"))
                + "        }\n    }\n}\n";
        }
    }
}
