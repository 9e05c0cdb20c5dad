using System.Runtime.CompilerServices;
using TapiGen.Generator.Emit;
using TapiGen.Generator.Model;
using TapiGen.Generator.Planning;
using TapiGen.Tests.Infrastructure;
using Xunit;
using static TapiGen.Tests.Helpers.TestModels;

namespace TapiGen.Tests.Helpers
{
    /// <summary>
    /// The helpers emitter alone, on small hand-built models, for the combinations the page snapshots do not show:
    /// each language level and target kind, flags with negative values and aliases, names that are not ASCII,
    /// descriptions that need escaping, internal types in the global namespace, an empty enum.
    /// </summary>
    public class HelpersEmitterSnapshotTests
    {
        private static readonly CompilationFacts s_csharp73NoSpans = new CompilationFacts(703, false, false, false, false);
        private static readonly CompilationFacts s_csharp10Spans = new CompilationFacts(1000, true, false, false, true);
        private static readonly CompilationFacts s_csharp13 = new CompilationFacts(1300, true, true, false, true);
        private static readonly CompilationFacts s_latest = new CompilationFacts(1400, true, true, false, true);

        private static EnumModel Calls() => Model("Contoso.Telephony", "CALL", UnderlyingType.Int32, false,
            Member("IDLE", 0, "No call."),
            Member("RINGING", 1, "A call \"rings\" at C:\\phones\\1."),
            Member("TALKING", 2, "Line one\nline two."),
            Member("LAST", 2));

        private static EnumModel Features() => Model("Contoso.Telephony", "FEATURES", UnderlyingType.Int32, true,
            Member("NONE", 0),
            Member("HOLD", 1, "Can hold."),
            Member("PARK", 2),
            Member("ALL", -1),
            Member("HIGH", int.MinValue),
            Member("CAN_HOLD", 1));

        private static void Verify(EnumModel model, CompilationFacts facts, string variant, [CallerFilePath] string sourceFile = "", [CallerMemberName] string method = "")
            => Snapshots.VerifyFiles(
                new[] { (model.FullName + ".Extensions.g.cs", HelpersEmitter.Emit(SpecBuilder.Build(model, facts))) },
                Snapshots.NoDiagnosticsText,
                variant,
                sourceFile,
                method);

        [Fact]
        public void Plain_enum() => Verify(Calls(), s_csharp73NoSpans, "CSharp73_NoSpans");

        [Fact]
        public void Plain_enum_with_spans() => Verify(Calls(), s_csharp10Spans, "CSharp10_Spans");

        /// <summary>Before C# 14 the static helpers are plain static methods; from 14 on, in an extension(E) block.</summary>
        [Fact]
        public void Plain_enum_before_extension_members() => Verify(Calls(), s_csharp13, "CSharp13");

        [Fact]
        public void Flags_with_negative_values_and_aliases() => Verify(Features(), s_latest, "Latest");

        [Fact]
        public void Flags_without_spans() => Verify(Features(), s_csharp73NoSpans, "CSharp73_NoSpans");

        [Fact]
        public void Internal_in_the_global_namespace_with_names_that_are_not_ASCII()
        {
            EnumModel model = Model(string.Empty, "SIZE", UnderlyingType.UInt64, false,
                Member("klein", 1, "small – “quoted” \u202Ehidden\u202C"),
                Member("Klein", 2),
                Member("Größe", 3),
                Member("GRÖSSE", ulong.MaxValue));
            Verify(model with { Options = model.Options with { Accessibility = Accessibility.Internal } }, s_latest, "Latest");
        }

        [Fact]
        public void Empty_enum() => Verify(Model("Contoso", "NOTHING", UnderlyingType.Int32, false), s_latest, "Latest");
    }
}
