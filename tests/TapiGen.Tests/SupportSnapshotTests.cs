using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TapiGen.Tests.Infrastructure;
using TapiGen.Tests.Json;
using Xunit;

namespace TapiGen.Tests
{
    /// <summary>
    /// TapiGen.Support.g.cs, the code the enums share, once per kind of consumer: everything (spans, nullable, flags,
    /// both JSON libraries, STJ 8); C# 7.3 on netstandard2.0 with STJ 6 and no [Flags] enum (no flag names, STJ before
    /// CopyString); and C# 7.3 without spans or JSON (strings only). Reviewed like code; accepted as the other snapshots.
    /// </summary>
    public class SupportSnapshotTests
    {
        private static readonly TestManifest s_flags = TestManifests.Inline("LINE_FEATURES", "LF_NONE:0", "LF_DIAL:0x1", "LF_HOLD:0x2", "LF_PARK:0x4");

        private static readonly TestManifest s_states = TestManifests.Inline("LINE_STATE", "LS_IDLE", "LS_BUSY");

        [Fact]
        public void Everything_Latest_Net80()
            => Verify(JsonCompilation.Compile(new[] { s_flags, s_states }, newtonsoft: "13.0.4").Result);

        [Fact]
        public void No_flags_CSharp73_SystemTextJson6_NetStandard20()
            => Verify(JsonCompilation.Compile(new[] { s_states }, languageVersion: LanguageVersion.CSharp7_3, refs: TargetRefs.NetStandard20, stj: StjPackage.V6_0_11).Result);

        [Fact]
        public void Strings_only_CSharp73_Net472()
        {
            var options = new GeneratorHarness.RunOptions(
                LanguageVersion.CSharp7_3,
                new Dictionary<string, string> { ["build_property.TapiGenGenerateSystemTextJson"] = "false" },
                Refs: TargetRefs.Net472);
            GeneratorHarness.RunOutput output = GeneratorHarness.Run(new[] { s_flags, s_states }, options);
            GeneratorHarness.AssertCompilesCleanly(output.Result, LanguageVersion.CSharp7_3, TargetRefs.Net472);
            Verify(output.Result);
        }

        [Fact]
        public void Without_helpers_or_converters_there_is_no_support_file()
        {
            var options = new GeneratorHarness.RunOptions(GlobalOptions: new Dictionary<string, string>
            {
                ["build_property.TapiGenGenerateHelpers"] = "false",
                ["build_property.TapiGenGenerateSystemTextJson"] = "false",
            });
            GeneratorDriverRunResult result = GeneratorHarness.Run(new[] { s_states }, options).Result;
            Assert.Single(result.EnumTrees());
            Assert.Null(result.SupportTree());
            Assert.Single(result.GeneratedTrees);
        }

        private static void Verify(GeneratorDriverRunResult result, [System.Runtime.CompilerServices.CallerMemberName] string method = "")
        {
            SyntaxTree support = result.SupportTree() ?? throw new Xunit.Sdk.XunitException("no support file was generated");
            Snapshots.VerifyFiles(new[] { ("TapiGen.Support.g.cs", support.ToString()) }, Snapshots.NoDiagnosticsText, method: method);
        }
    }
}
