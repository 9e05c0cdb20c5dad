using System.Linq;
using TapiGen.Generator.Planning;

namespace TapiGen.Generator.Emit
{
    /// <summary>
    /// Writes {Enum}NewtonsoftJsonConverter: the same names and rules as the System.Text.Json converter, for
    /// Newtonsoft.Json (E and E?, on strings, no reflection), through the support file's NewtonsoftEnum. Used when
    /// registered, or by default when NewtonsoftAttribute puts Newtonsoft's [JsonConverter] on the enum.
    /// </summary>
    internal static class NewtonsoftJsonEmitter
    {
        private const string Newtonsoft = "global::Newtonsoft.Json.";
        private const string Support = SupportEmitter.Namespace;

        public static string Emit(EnumSpec spec)
        {
            ConverterSpec c = spec.Newtonsoft!;
            string e = spec.QualifiedType;
            string q = spec.Target.Q;
            var w = new SourceWriter();
            GeneratedFile.WriteHeader(w, spec);
            GeneratedFile.InNamespace(w, spec, () =>
            {
                w.WriteLine("/// <summary>");
                w.WriteLine("/// Reads and writes <see cref=\"" + e + "\"/> (and its nullable form) as JSON with Newtonsoft.Json:");
                w.WriteLine("/// by the names in its manifest, without reflection. Add it to JsonSerializerSettings.Converters, or set TapiGenNewtonsoftAttribute.");
                w.WriteLine("/// </summary>");
                w.WriteLine(GeneratedFile.GeneratedCodeAttribute);
                w.WriteLine(spec.Accessibility + " sealed class " + c.ClassName + " : " + Newtonsoft + "JsonConverter");
                using (w.OpenBlock())
                {
                    ConverterFields.Write(w, spec, c, "private static readonly " + Support + ".NewtonsoftEnum s_json", Support + ".NewtonsoftEnum");
                    w.WriteLine();
                    w.WriteLine("/// <inheritdoc/>");
                    w.WriteLine("public override bool CanConvert(global::System.Type objectType) => objectType == typeof(" + e + ") || objectType == typeof(" + e + "?);");
                    w.WriteLine();
                    w.WriteLine("/// <inheritdoc/>");
                    w.WriteLine("public override object" + q + " ReadJson(" + Newtonsoft + "JsonReader reader, global::System.Type objectType, object" + q + " existingValue, " + Newtonsoft + "JsonSerializer serializer)");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("ulong bits;");
                        w.WriteLine("return s_json.TryRead(reader, objectType == typeof(" + e + "?), out bits) ? " + spec.FromBits("bits") + " : (object" + q + ")null;");
                    }

                    w.WriteLine();
                    w.WriteLine("/// <inheritdoc/>");
                    w.WriteLine("public override void WriteJson(" + Newtonsoft + "JsonWriter writer, object" + q + " value, " + Newtonsoft + "JsonSerializer serializer)");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("if (value == null)");
                        using (w.OpenBlock())
                        {
                            w.WriteLine("writer.WriteNull();");
                            w.WriteLine("return;");
                        }

                        w.WriteLine();
                        w.WriteLine("if (!(value is " + e + "))");
                        using (w.OpenBlock())
                        {
                            w.WriteLine("throw " + Support + ".NewtonsoftEnum.CannotWrite(value, " + (c.Names is null ? "global::" + Prefix(spec) + spec.Helpers!.ClassName + ".Info" : "s_info") + ");");
                        }

                        w.WriteLine();
                        w.WriteLine(e + " member = (" + e + ")value;");
                        w.WriteLine("string" + q + " name = GetName(member);");
                        w.WriteLine("if (name != null)");
                        using (w.OpenBlock())
                        {
                            w.WriteLine("writer.WriteValue(name);");
                        }

                        w.WriteLine("else");
                        using (w.OpenBlock())
                        {
                            w.WriteLine("s_json.WriteOther(writer, " + spec.ToBits("member") + ");");
                        }
                    }

                    w.WriteLine();
                    WriteGetName(w, spec, c);
                }
            });
            return w.ToString();
        }

        private static string Prefix(EnumSpec spec) => spec.Namespace.Length == 0 ? string.Empty : spec.Namespace + ".";

        private static void WriteGetName(SourceWriter w, EnumSpec spec, ConverterSpec c)
        {
            LookupSpec write = c.Write;
            string element = spec.Target.NullableString;
            w.WriteLine("/// <summary>The name a member's value is written with: of aliases, the one JsonStringEnumConverter writes.</summary>");
            w.WriteLine("private static " + element + " GetName(" + spec.QualifiedType + " value)");
            using (w.OpenBlock())
            {
                if (write.Shape == LookupShape.Table)
                {
                    HelpersEmitter.WriteTableLookup(w, spec, write, "s_names", element, "name", "name != null", "return name;");
                    w.WriteLine("return null;");
                }
                else
                {
                    HelpersEmitter.WriteSwitch(w, write.Cases.Select(x => (x.Member, "return " + x.Code + ";")), "return null;");
                }
            }

            if (write.Shape == LookupShape.Table)
            {
                w.WriteLine();
                HelpersEmitter.WriteTableField(w, write, "s_names", element, "The name of each value by its distance from the smallest value");
            }
        }
    }
}
