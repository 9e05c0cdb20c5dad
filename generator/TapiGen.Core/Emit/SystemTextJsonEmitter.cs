using System.Linq;
using TapiGen.Generator.Planning;

namespace TapiGen.Generator.Emit
{
    /// <summary>
    /// Writes {Enum}JsonConverter, a System.Text.Json converter: the names it writes (pre-encoded, one lookup per
    /// value) and the calls into the support file's JsonEnum, which reads the token's UTF-8 bytes without making a
    /// string. The enum carries it as [JsonConverter], so it is the default.
    /// </summary>
    internal static class SystemTextJsonEmitter
    {
        private const string Json = "global::System.Text.Json.";
        private const string Support = SupportEmitter.Namespace;

        public static string Emit(EnumSpec spec)
        {
            ConverterSpec c = spec.SystemTextJson!;
            string e = spec.QualifiedType;
            var w = new SourceWriter();
            GeneratedFile.WriteHeader(w, spec);
            GeneratedFile.InNamespace(w, spec, () =>
            {
                w.WriteLine("/// <summary>");
                w.WriteLine("/// Reads and writes <see cref=\"" + e + "\"/> as JSON with System.Text.Json:");
                w.WriteLine("/// by the names in its manifest, without reflection. The enum carries it as [JsonConverter], so it is used with no option set.");
                w.WriteLine("/// </summary>");
                w.WriteLine(GeneratedFile.GeneratedCodeAttribute);
                w.WriteLine(spec.Accessibility + " sealed class " + c.ClassName + " : " + Json + "Serialization.JsonConverter<" + e + ">");
                using (w.OpenBlock())
                {
                    ConverterFields.Write(w, spec, c, "private static readonly " + Support + ".JsonEnum s_json", Support + ".JsonEnum");
                    w.WriteLine();
                    WriteNames(w, spec, c);
                    w.WriteLine();
                    string reader = "ref " + Json + "Utf8JsonReader reader, global::System.Type typeToConvert, " + Json + "JsonSerializerOptions options";
                    string writer = Json + "Utf8JsonWriter writer, " + e + " value, " + Json + "JsonSerializerOptions options";
                    w.WriteLine("/// <inheritdoc/>");
                    w.WriteLine("public override " + e + " Read(" + reader + ") => " + spec.FromBits("s_json.Read(ref reader)") + ";");
                    w.WriteLine();
                    WriteWrite(w, spec, "Write", writer, "WriteStringValue", "false");
                    if (spec.Target.JsonPropertyNames)
                    {
                        w.WriteLine("/// <inheritdoc/>");
                        w.WriteLine("public override " + e + " ReadAsPropertyName(" + reader + ") => " + spec.FromBits("s_json.ReadText(ref reader)") + ";");
                        w.WriteLine();
                        WriteWrite(w, spec, "WriteAsPropertyName", writer, "WritePropertyName", "true");
                    }
                }
            });
            return w.ToString();
        }

        private static void WriteWrite(SourceWriter w, EnumSpec spec, string method, string parameters, string write, string propertyName)
        {
            w.WriteLine("/// <inheritdoc/>");
            w.WriteLine("public override void " + method + "(" + parameters + ")");
            using (w.OpenBlock())
            {
                w.WriteLine(Json + "JsonEncodedText name;");
                w.WriteLine("if (TryGetName(value, out name))");
                using (w.OpenBlock())
                {
                    w.WriteLine("writer." + write + "(name);");
                }

                w.WriteLine("else");
                using (w.OpenBlock())
                {
                    w.WriteLine("s_json.WriteOther(writer, " + spec.ToBits("value") + ", " + propertyName + ");");
                }
            }

            w.WriteLine();
        }

        /// <summary>The name each member's value is written with, encoded once (as JsonStringEnumConverter encodes it).</summary>
        private static void WriteNames(SourceWriter w, EnumSpec spec, ConverterSpec c)
        {
            string encoded = Json + "JsonEncodedText";
            w.WriteLine("/// <summary>The name a member's value is written with: of aliases, the one JsonStringEnumConverter writes.</summary>");
            w.WriteLine("private static bool TryGetName(" + spec.QualifiedType + " value, out " + encoded + " name)");
            LookupSpec write = c.Write;
            using (w.OpenBlock())
            {
                if (write.Shape == LookupShape.Table)
                {
                    HelpersEmitter.WriteTableLookup(w, spec, write, "s_names", encoded + "?", "entry", "entry.HasValue", "name = entry.GetValueOrDefault();", "return true;");
                }
                else if (write.Cases.Count > 0)
                {
                    w.WriteLine("switch (value)");
                    using (w.OpenBlock())
                    {
                        for (int i = 0; i < write.Cases.Count; i++)
                        {
                            w.WriteLine("case " + write.Cases[i].Member + ":");
                            w.WriteLine("    name = s_names[" + CSharp.Int(i) + "];");
                            w.WriteLine("    return true;");
                        }
                    }

                    w.WriteLine();
                }

                w.WriteLine("name = default(" + encoded + ");");
                w.WriteLine("return false;");
            }

            w.WriteLine();
            if (write.Shape == LookupShape.Table)
            {
                w.WriteLine("// The encoded name of each value by its distance from the smallest value; null where no member has the value.");
                w.WritePacked("private static readonly " + encoded + "?[] s_names = " + Support + ".JsonEnum.EncodeTable(new " + spec.Target.NullableString + "[] ", write.TableEntries.ToList(), ");");
            }
            else
            {
                w.WritePacked("private static readonly " + encoded + "[] s_names = " + Support + ".JsonEnum.Encode(new string[] ", write.Cases.Select(x => x.Code).ToList(), ");");
            }
        }
    }

    /// <summary>The static field both converters start with: their names, flag names and options, shared with the helpers where equal.</summary>
    internal static class ConverterFields
    {
        public static void Write(SourceWriter w, EnumSpec spec, ConverterSpec c, string field, string type)
        {
            string helpers = spec.Helpers is null ? string.Empty : "global::" + (spec.Namespace.Length == 0 ? string.Empty : spec.Namespace + ".") + spec.Helpers.ClassName;
            if (c.Names is null)
            {
                w.WriteLine("// The names read are the helpers' (" + spec.Helpers!.ClassName + ".Info).");
            }
            else
            {
                HelpersEmitter.WriteNewInfo(w, "private static readonly " + SupportEmitter.Namespace + ".EnumInfo s_info", spec, c.Names);
                w.WriteLine();
            }

            bool sharedFlags = c.Flags is not null && spec.Helpers?.Flags is not null && c.Flags.Equals(spec.Helpers.Flags);
            if (c.Flags is not null && !sharedFlags)
            {
                w.WriteLine("// Flag combinations are written with JsonStringEnumConverter's alias of each value.");
                HelpersEmitter.WriteNewFlags(w, "private static readonly " + SupportEmitter.Namespace + ".FlagNames s_flags", c.Flags, c.FlagsFromInfo ? "s_info" : null);
                w.WriteLine();
            }

            string info = c.Names is null ? helpers + ".Info" : "s_info";
            string flags = c.Flags is null ? string.Empty : (sharedFlags ? helpers + ".Flags" : "s_flags") + ", ";
            var options = new System.Collections.Generic.List<string>();
            foreach ((int bit, string name) in new[] { (1, "AllowNumbers"), (2, "IgnoreCase"), (4, "UndefinedIsError") })
            {
                if ((c.Options & bit) != 0)
                {
                    options.Add(type + "." + name);
                }
            }

            w.WriteLine(field + " = new " + type + "(" + info + ", " + flags + (options.Count == 0 ? "0" : string.Join(" | ", options)) + ");");
        }
    }
}
