using TapiGen.Generator.Model;

namespace TapiGen.Generator.Emit.Json
{
    /// <summary>
    /// C# fragments for one enum that both converters use: its type, its underlying type and the conversions between
    /// the enum and the 64-bit "bits" the converters compute with (sign-extended, so flags order like Enum's).
    /// Every conversion is unchecked: a consumer may compile with CheckForOverflowUnderflow.
    /// </summary>
    internal sealed class EnumCode
    {
        public EnumCode(EnumModel model)
        {
            Model = model;
            Type = GeneratedNames.QualifiedEnumType(model);
            Underlying = EnumEmitter.Keyword(model.UnderlyingType);
            Names = JsonNames.For(model);
        }

        public EnumModel Model { get; }

        /// <summary>global::Ns.E</summary>
        public string Type { get; }

        /// <summary>int, uint, long or ulong.</summary>
        public string Underlying { get; }

        public JsonNames Names { get; }

        public bool IsFlags => Model.IsFlags;

        public bool AllowNumbers => Model.Options.JsonAllowNumbers;

        public bool IgnoreCase => Model.Options.JsonIgnoreCase;

        public bool UndefinedIsError => Model.Options.JsonUndefined == JsonUndefined.Error;

        /// <summary>The C# expression for a member: global::Ns.E.NAME.</summary>
        public string Member(EnumMemberModel member) => Type + "." + Parsing.Identifiers.Escape(member.Identifier);

        /// <summary>The enum value <paramref name="value"/> as ulong bits (a call to the converter's ToBits).</summary>
        public string ToBits(string value) => "ToBits(" + value + ")";

        /// <summary>The bits <paramref name="bits"/> as the enum (a call to the converter's FromBits).</summary>
        public string FromBits(string bits) => "FromBits(" + bits + ")";

        /// <summary>The converter's ToBits and FromBits: a method, not an inline cast, so "bits |= ToBits(x)" draws no CS0675.</summary>
        public void WriteBitsConversions(SourceWriter w)
        {
            w.WriteLine();
            w.WriteLine("private static ulong ToBits(" + Type + " value)");
            using (w.OpenBlock())
            {
                w.WriteLine("return unchecked((ulong)(" + Underlying + ")value);");
            }

            w.WriteLine();
            w.WriteLine("private static " + Type + " FromBits(ulong bits)");
            using (w.OpenBlock())
            {
                w.WriteLine("return unchecked((" + Type + ")(" + Underlying + ")bits);");
            }
        }

        /// <summary>The enum value <paramref name="value"/> as its underlying type, for writing it as a number.</summary>
        public string ToNumber(string value) => "unchecked((" + Underlying + ")" + value + ")";
    }
}
