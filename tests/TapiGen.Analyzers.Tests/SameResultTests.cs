using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TapiGen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Analyzers.Tests
{
    /// <summary>
    /// The point of every fix: the program prints the same before and after. One probe uses each reported pattern
    /// on members, aliases, flag combinations, undefined values and awkward input; the test checks that the fix
    /// turns it into <see cref="Fixed"/>, then runs both against the generator's output and compares what they print.
    /// </summary>
    public class SameResultTests
    {
        private const string Probe = """
            #nullable disable
            using System;
            using System.Text;
            using Tapi.Tests;

            public static class Probe
            {
                private static readonly string[] Inputs =
                {
                    "ASE_READY", " ASE_END ", "ase_ready", "3", "+2", " -1 ", "ASE_READY, ASE_BUSY", "TE_ADDRESS, TE_AGENT",
                    "te_queue,TE_AGENT", "B_ALIAS", "b", "", " ", "nope", "99999999999", null,
                };

                public static string Run()
                {
                    var text = new StringBuilder();
                    foreach (AGENT_SESSION_EVENT e in new[] { AGENT_SESSION_EVENT.ASE_READY, AGENT_SESSION_EVENT.ASE_END, (AGENT_SESSION_EVENT)42 })
                    {
                        string line = $"{{|TG1002:e|}} [{{|TG1002:e|},12}] " + {|TG1001:e.ToString()|} + " " + {|TG1005:Enum.IsDefined(e)|};
                        text.AppendLine(line);
                    }

                    foreach (TAPI_EVENT e in new[] { TAPI_EVENT.TE_ADDRESS | TAPI_EVENT.TE_AGENT, (TAPI_EVENT)0, (TAPI_EVENT)0x40000000, TAPI_EVENT.TE_QUEUE })
                    {
                        string line = {|TG1001:e.ToString()|} + " " + {|TG1006:e.HasFlag(TAPI_EVENT.TE_AGENT)|} + " " + {|TG1006:e.HasFlag((TAPI_EVENT)0)|}
                            + " " + {|TG1005:Enum.IsDefined(typeof(TAPI_EVENT), e)|};
                        text.AppendLine(line);
                    }

                    foreach (ALIASED e in new[] { ALIASED.A, ALIASED.B, ALIASED.B_ALIAS, ALIASED.C, (ALIASED)7 })
                    {
                        text.AppendLine({|TG1001:e.ToString()|} + $" {{|TG1002:e|}}");
                    }

                    foreach (string s in Inputs)
                    {
                        text.Append({|TG1003:Enum.TryParse<AGENT_SESSION_EVENT>(s, out var a)|}).Append(' ').Append((int)a).Append(' ');
                        text.Append({|TG1003:Enum.TryParse(s, true, out TAPI_EVENT t)|}).Append(' ').Append((int)t).Append(' ');
                        text.Append({|TG1003:Enum.TryParse<ALIASED>(s, ignoreCase: true, out var b)|}).Append(' ').Append((int)b).Append(' ');
                        text.Append(Try(() => (int){|TG1004:Enum.Parse<TAPI_EVENT>(s, true)|})).Append(' ');
                        text.Append(Try(() => (int){|TG1004:(AGENT_SESSION_EVENT)Enum.Parse(typeof(AGENT_SESSION_EVENT), s)|})).Append(' ');
                        text.Append(Try(() => (int){|TG1004:Enum.Parse<ALIASED>(s)|})).AppendLine();
                    }

                    foreach (var value in {|TG1007:Enum.GetValues<TAPI_EVENT>()|}) { text.Append((int)value).Append(','); }
                    foreach (ALIASED value in {|TG1007:Enum.GetValues(typeof(ALIASED))|}) { text.Append((int)value).Append(','); }
                    foreach (var name in {|TG1008:Enum.GetNames<AGENT_SESSION_EVENT>()|}) { text.Append(name).Append(','); }
                    foreach (var name in {|TG1008:Enum.GetNames(typeof(ALIASED))|}) { text.Append(name).Append(','); }
                    return text.ToString();
                }

                // The exception's type: the generated Parse throws the same ones (its messages say more).
                private static string Try(Func<int> parse)
                {
                    try
                    {
                        return parse().ToString();
                    }
                    catch (Exception e)
                    {
                        return e.GetType().Name;
                    }
                }
            }
            """;

        private const string Fixed = """
            #nullable disable
            using System;
            using System.Text;
            using Tapi.Tests;

            public static class Probe
            {
                private static readonly string[] Inputs =
                {
                    "ASE_READY", " ASE_END ", "ase_ready", "3", "+2", " -1 ", "ASE_READY, ASE_BUSY", "TE_ADDRESS, TE_AGENT",
                    "te_queue,TE_AGENT", "B_ALIAS", "b", "", " ", "nope", "99999999999", null,
                };

                public static string Run()
                {
                    var text = new StringBuilder();
                    foreach (AGENT_SESSION_EVENT e in new[] { AGENT_SESSION_EVENT.ASE_READY, AGENT_SESSION_EVENT.ASE_END, (AGENT_SESSION_EVENT)42 })
                    {
                        string line = $"{e.ToStringFast()} [{e.ToStringFast(),12}] " + e.ToStringFast() + " " + AGENT_SESSION_EVENTExtensions.IsDefined(e);
                        text.AppendLine(line);
                    }

                    foreach (TAPI_EVENT e in new[] { TAPI_EVENT.TE_ADDRESS | TAPI_EVENT.TE_AGENT, (TAPI_EVENT)0, (TAPI_EVENT)0x40000000, TAPI_EVENT.TE_QUEUE })
                    {
                        string line = e.ToStringFast() + " " + e.HasFlagFast(TAPI_EVENT.TE_AGENT) + " " + e.HasFlagFast((TAPI_EVENT)0)
                            + " " + TAPI_EVENTExtensions.IsDefined(e);
                        text.AppendLine(line);
                    }

                    foreach (ALIASED e in new[] { ALIASED.A, ALIASED.B, ALIASED.B_ALIAS, ALIASED.C, (ALIASED)7 })
                    {
                        text.AppendLine(e.ToStringFast() + $" {e.ToStringFast()}");
                    }

                    foreach (string s in Inputs)
                    {
                        text.Append(AGENT_SESSION_EVENTExtensions.TryParse(s, out var a)).Append(' ').Append((int)a).Append(' ');
                        text.Append(TAPI_EVENTExtensions.TryParse(s, true, out TAPI_EVENT t)).Append(' ').Append((int)t).Append(' ');
                        text.Append(ALIASEDExtensions.TryParse(s, ignoreCase: true, out var b)).Append(' ').Append((int)b).Append(' ');
                        text.Append(Try(() => (int)TAPI_EVENTExtensions.Parse(s, true))).Append(' ');
                        text.Append(Try(() => (int)AGENT_SESSION_EVENTExtensions.Parse(s))).Append(' ');
                        text.Append(Try(() => (int)ALIASEDExtensions.Parse(s))).AppendLine();
                    }

                    foreach (var value in TAPI_EVENTExtensions.GetValues()) { text.Append((int)value).Append(','); }
                    foreach (ALIASED value in ALIASEDExtensions.GetValues()) { text.Append((int)value).Append(','); }
                    foreach (var name in AGENT_SESSION_EVENTExtensions.GetNames()) { text.Append(name).Append(','); }
                    foreach (var name in ALIASEDExtensions.GetNames()) { text.Append(name).Append(','); }
                    return text.ToString();
                }

                // The exception's type: the generated Parse throws the same ones (its messages say more).
                private static string Try(Func<int> parse)
                {
                    try
                    {
                        return parse().ToString();
                    }
                    catch (Exception e)
                    {
                        return e.GetType().Name;
                    }
                }
            }
            """;

        private static readonly TapiGenOutput Generated = TapiGenOutput.Generate(manifests: new[]
        {
            TapiGenOutput.Page("ne-tapi3-agent_session_event.md"),
            TapiGenOutput.Page("ne-tapi3if-tapi_event.md"),
            TapiGenOutput.Inline("ALIASED", "A:0", "B:1", "B_ALIAS:1", "C:2"),
        });

        [Fact]
        public Task The_fix_rewrites_every_pattern_of_the_probe()
            => UsageVerifier.VerifyAsync(Probe, Fixed, Generated, fixAllInDocumentOnly: true);

        [Fact]
        public void The_fixed_probe_prints_what_the_original_prints()
        {
            // Without markup, the probe is the code a user wrote.
            string original = Regex.Replace(Probe, @"\{\|TG\d{4}:(.*?)\|\}", "$1");
            Assert.DoesNotContain("{|", original);

            string before = Run(original);
            string after = Run(Fixed);
            Assert.Equal(before, after);
            Assert.Contains("TE_ADDRESS, TE_AGENT", before);
            Assert.Contains("OverflowException", before);
        }

        /// <summary>Compiles the program with the generated files, loads it and returns what Probe.Run() returns.</summary>
        private static string Run(string program)
        {
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            CSharpCompilation compilation = CSharpCompilation.Create(
                "Probe" + Guid.NewGuid().ToString("N"),
                Generated.Sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, parseOptions, s.HintName))
                    .Append(CSharpSyntaxTree.ParseText(program, parseOptions, "Probe.cs")),
                TapiGenOutput.References(Target.Net80),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var stream = new MemoryStream();
            var emitted = compilation.Emit(stream);
            Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));

            var context = new AssemblyLoadContext("probe", isCollectible: true);
            CultureInfo culture = CultureInfo.CurrentCulture;
            try
            {
                // The one documented difference: an undefined negative value is formatted with the invariant culture
                // by ToStringFast and with the current one by Enum.ToString (README, "What is generated").
                CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
                stream.Position = 0;
                Assembly assembly = context.LoadFromStream(stream);
                return (string)assembly.GetType("Probe")!.GetMethod("Run")!.Invoke(null, null)!;
            }
            finally
            {
                CultureInfo.CurrentCulture = culture;
                context.Unload();
            }
        }
    }
}
