using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using TapiGen.Generator.Model;
using TapiGen.Generator.Parsing;

namespace TapiGen.Generator.Emit
{
    /// <summary>Writes the C# enum for one manifest.</summary>
    internal static class EnumEmitter
    {
        public static string Emit(EnumModel model, CompilationFacts facts)
        {
            var w = new SourceWriter();
            GeneratedFile.WriteHeader(w, model, facts);
            if (model.Namespace.Length > 0)
            {
                w.WriteLine("namespace " + Identifiers.EscapeNamespace(model.Namespace));
                using (w.OpenBlock())
                {
                    WriteEnum(w, model, facts);
                }
            }
            else
            {
                WriteEnum(w, model, facts);
            }

            return w.ToString();
        }

        private static void WriteEnum(SourceWriter w, EnumModel model, CompilationFacts facts)
        {
            // Every public symbol gets a summary, so consumers with GenerateDocumentationFile see no CS1591.
            w.WriteDocElement("summary", model.SummaryLines.Count > 0
                ? (IReadOnlyList<string>)model.SummaryLines
                : new[] { "The <c>" + model.Identifier + "</c> enumeration from <c>" + XmlText(model.ManifestFileName) + "</c>, which has no description." });
            w.WriteDocElement("remarks", model.RemarksLines);
            if (model.IsFlags)
            {
                w.WriteLine("[global::System.Flags]");
            }

            // Attributes of other outputs (the JSON converters) are added here by their emitters.
            EnumAttributes.Write(w, model, facts);
            w.WriteLine(GeneratedFile.GeneratedCodeAttribute);
            w.WriteLine(GeneratedNames.Accessibility(model) + " enum " + GeneratedNames.EnumType(model) + " : " + Keyword(model.UnderlyingType));
            using (w.OpenBlock())
            {
                for (int i = 0; i < model.Members.Count; i++)
                {
                    EnumMemberModel member = model.Members[i];
                    if (i > 0)
                    {
                        w.WriteLine();
                    }

                    w.WriteDocElement("summary", member.DocLines.Count > 0
                        ? (IReadOnlyList<string>)member.DocLines
                        : new[] { "<c>" + member.Name + "</c>, which the manifest does not describe." });
                    w.WriteLine(Identifiers.Escape(member.Identifier) + " = " + Literal(member) + ",");
                }
            }
        }

        private static string XmlText(string text)
            => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

        internal static string Keyword(UnderlyingType type)
        {
            switch (type)
            {
                case UnderlyingType.UInt32:
                    return "uint";
                case UnderlyingType.Int64:
                    return "long";
                case UnderlyingType.UInt64:
                    return "ulong";
                default:
                    return "int";
            }
        }

        /// <summary>
        /// The member's value as C#. The parser guarantees the value fits the underlying type, so a plain literal
        /// (negative values in decimal) always converts implicitly.
        /// </summary>
        private static string Literal(EnumMemberModel member)
        {
            if (member.Style == ValueStyle.Reference && member.ReferencedIdentifier is not null)
            {
                return Identifiers.Escape(member.ReferencedIdentifier);
            }

            BigInteger value = member.Value;
            if (member.Style == ValueStyle.Hex && value.Sign >= 0)
            {
                string hex = value.ToString("X", CultureInfo.InvariantCulture).TrimStart('0');
                return "0x" + (hex.Length == 0 ? "0" : hex);
            }

            return value.ToString(CultureInfo.InvariantCulture);
        }
    }
}
