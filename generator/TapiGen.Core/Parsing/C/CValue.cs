using System;
using System.Numerics;

namespace TapiGen.Generator.Parsing.C
{
    /// <summary>
    /// A C integer type as MSVC sizes them for x64 (LLP64: long is 32 bits): its width, signedness and conversion
    /// rank. Enough to evaluate constant expressions the way the compiler does, wrap-around included.
    /// </summary>
    internal readonly struct CType : IEquatable<CType>
    {
        public static readonly CType Char = new CType(8, true, 1);
        public static readonly CType UChar = new CType(8, false, 1);
        public static readonly CType Short = new CType(16, true, 2);
        public static readonly CType UShort = new CType(16, false, 2);
        public static readonly CType Int = new CType(32, true, 3);
        public static readonly CType UInt = new CType(32, false, 3);
        public static readonly CType Long = new CType(32, true, 4);
        public static readonly CType ULong = new CType(32, false, 4);
        public static readonly CType LongLong = new CType(64, true, 5);
        public static readonly CType ULongLong = new CType(64, false, 5);

        /// <summary>Not a C type: holds any value a page may state, for the range check to judge (never used in arithmetic).</summary>
        public static readonly CType Wide = new CType(512, true, 9);

        private CType(int bits, bool signed, int rank)
        {
            Bits = bits;
            Signed = signed;
            Rank = rank;
        }

        public int Bits { get; }

        public bool Signed { get; }

        public int Rank { get; }

        public BigInteger Min => Signed ? -(BigInteger.One << (Bits - 1)) : BigInteger.Zero;

        public BigInteger Max => Signed ? (BigInteger.One << (Bits - 1)) - 1 : (BigInteger.One << Bits) - 1;

        public CType Unsigned => new CType(Bits, false, Rank);

        /// <summary>Integer promotion: types narrower than int become int.</summary>
        public CType Promoted => Rank < Int.Rank ? Int : this;

        public bool Holds(BigInteger value) => value >= Min && value <= Max;

        /// <summary>The value converted to this type: kept when it fits, else wrapped modulo 2^bits (two's complement).</summary>
        public BigInteger Wrap(BigInteger value)
        {
            if (Holds(value))
            {
                return value;
            }

            BigInteger modulus = BigInteger.One << Bits;
            BigInteger r = value % modulus;
            if (r.Sign < 0)
            {
                r += modulus;
            }

            return Signed && r > Max ? r - modulus : r;
        }

        /// <summary>C's usual arithmetic conversions for two promoted operands.</summary>
        public static CType Common(CType a, CType b)
        {
            a = a.Promoted;
            b = b.Promoted;
            if (a.Signed == b.Signed)
            {
                return a.Rank >= b.Rank ? a : b;
            }

            CType unsignedType = a.Signed ? b : a, signedType = a.Signed ? a : b;
            if (unsignedType.Rank >= signedType.Rank)
            {
                return unsignedType;
            }

            return signedType.Bits > unsignedType.Bits ? signedType : signedType.Unsigned;
        }

        public bool Equals(CType other) => Bits == other.Bits && Signed == other.Signed && Rank == other.Rank;

        public override bool Equals(object? obj) => obj is CType other && Equals(other);

        public override int GetHashCode() => (Bits * 2 + (Signed ? 1 : 0)) * 8 + Rank;
    }

    /// <summary>
    /// The value of a C constant expression: a number of a C type, or, in a preprocessor condition, one of two
    /// markers: <see cref="IsUnknown"/> (it depends on a macro no listed header defines) and <see cref="IsNewest"/>
    /// (a Windows version macro such as NTDDI_VERSION, which stands for the newest version: above any number).
    /// </summary>
    internal readonly struct CValue
    {
        private CValue(BigInteger value, CType type, byte marker, string? unknownName)
        {
            Value = value;
            Type = type;
            _marker = marker;
            UnknownName = unknownName;
        }

        private readonly byte _marker;

        public BigInteger Value { get; }

        public CType Type { get; }

        public bool IsUnknown => _marker == 1;

        public bool IsNewest => _marker == 2;

        public bool IsKnown => _marker == 0;

        /// <summary>For <see cref="IsUnknown"/>: the macro it depends on.</summary>
        public string? UnknownName { get; }

        public static CValue Of(BigInteger value, CType type) => new CValue(type.Wrap(value), type, 0, null);

        public static CValue Bool(bool value) => Of(value ? BigInteger.One : BigInteger.Zero, CType.Int);

        public static CValue Unknown(string name) => new CValue(BigInteger.Zero, CType.LongLong, 1, name);

        public static readonly CValue Newest = new CValue(BigInteger.Zero, CType.LongLong, 2, null);

        /// <summary>
        /// The type gcc gives an enumeration constant used in a later expression: int when the value fits, else the
        /// first of unsigned int, long long and unsigned long long that holds it.
        /// </summary>
        public static CValue Enumerator(BigInteger value)
        {
            foreach (CType type in new[] { CType.Int, CType.UInt, CType.LongLong, CType.ULongLong })
            {
                if (type.Holds(value))
                {
                    return Of(value, type);
                }
            }

            return Of(value, CType.ULongLong);
        }
    }
}
