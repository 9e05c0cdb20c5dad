using System.Text.RegularExpressions;
using TapiGen.Generator.Emit.Helpers;
using TapiGen.Generator.Model;
using TapiGen.Generator.Parsing;

namespace TapiGen.Generator.Emit
{
    /// <summary>
    /// Writes <c>{Enum}Extensions</c>: ToStringFast, GetDescription, IsDefined, TryParse/Parse, GetValues/GetNames and,
    /// for [Flags] enums, bit helpers. Every answer is the one System.Enum gives (.NET 8+), computed without
    /// reflection and without allocating; the sections are written by the classes in Emit/Helpers/.
    /// </summary>
    internal static class HelpersEmitter
    {
        private static readonly Regex BlankLineBeforeBrace = new Regex("\n\n( *})", RegexOptions.CultureInvariant);

        public static string? Emit(EnumModel model, CompilationFacts facts)
        {
            HelpersPlan plan = HelpersPlan.Create(model, facts);
            var w = new SourceWriter();
            GeneratedFile.WriteHeader(w, model, facts);
            if (model.Namespace.Length > 0)
            {
                w.WriteLine("namespace " + Identifiers.EscapeNamespace(model.Namespace));
                using (w.OpenBlock())
                {
                    WriteClass(w, plan);
                }
            }
            else
            {
                WriteClass(w, plan);
            }

            // Each section ends with a blank line; none belongs before a closing brace. Literals hold no raw line
            // breaks (they are escaped), so this only touches layout.
            return BlankLineBeforeBrace.Replace(w.ToString(), "\n$1");
        }

        private static void WriteClass(SourceWriter w, HelpersPlan plan)
        {
            w.WriteLine("/// <summary>");
            w.WriteLine("/// Fast helpers for <see cref=\"" + plan.Enum + "\"/>: formatting, parsing and lookups that give the results of");
            w.WriteLine("/// <see cref=\"global::System.Enum\"/>'s methods without reflection, boxing or allocation.");
            w.WriteLine("/// </summary>");
            w.WriteLine(GeneratedFile.GeneratedCodeAttribute);
            w.WriteLine(GeneratedNames.Accessibility(plan.Model) + " static partial class " + plan.ClassName);
            using (w.OpenBlock())
            {
                ValuesWriter.Write(w, plan);
                FormatWriter.Write(w, plan);
                FlagsWriter.Write(w, plan);
                ParseApiWriter.Write(w, plan);
                ParseCoreWriter.Write(w, plan);
            }
        }
    }
}
