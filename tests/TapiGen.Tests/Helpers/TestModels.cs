using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using TapiGen.Generator.Model;

namespace TapiGen.Tests.Helpers
{
    /// <summary>
    /// Enum models built by hand, for what manifests cannot (or rarely) express: [Flags] with negative values,
    /// unsorted aliases in large enums, names that differ only in case or are not ASCII, descriptions that need escaping.
    /// </summary>
    internal static class TestModels
    {
        public const string Namespace = "Models";

        public static EnumMemberModel Member(string name, BigInteger value, string description = "")
            => new EnumMemberModel(name, name, name, name, value, ValueStyle.Decimal, null, EquatableArray<string>.Empty, description);

        public static EnumModel Model(string name, UnderlyingType type, bool flags, params EnumMemberModel[] members)
            => Model(Namespace, name, type, flags, members);

        public static EnumModel Model(string ns, string name, UnderlyingType type, bool flags, params EnumMemberModel[] members)
            => new EnumModel(ns, name, name, "/models/" + name + ".md", name + ".md", type, flags, EquatableArray<string>.Empty, EquatableArray<string>.Empty,
                members.ToEquatableArray(), GeneratorOptions.Default(ns));

        /// <summary>Hand-picked corner cases.</summary>
        public static IReadOnlyList<EnumModel> Edge()
        {
            var models = new List<EnumModel>
            {
                Model("EmptyPlain", UnderlyingType.Int32, false),
                Model("EmptyFlags", UnderlyingType.UInt32, true),
                Model("SingleZero", UnderlyingType.Int32, false, Member("Zero", 0)),
                Model("FlagsNegative", UnderlyingType.Int32, true,
                    Member("None", 0), Member("Low", 1), Member("Mid", 0x10000), Member("High", int.MinValue), Member("All", -1), Member("AlsoLow", 1)),
                Model("FlagsZeroAliases", UnderlyingType.UInt64, true,
                    Member("Nothing", 0), Member("Zero", 0), Member("A", 1), Member("B", 2), Member("AB", 3), Member("Top", ulong.MaxValue - (ulong.MaxValue >> 1)), Member("B2", 2)),
                Model("FlagsNoZero", UnderlyingType.Int64, true,
                    Member("A", 1), Member("B", 2), Member("C", 4), Member("Sign", long.MinValue), Member("BC", 6)),
                // Only single bits: flags are formatted through the de Bruijn table, up to the top bit of 64.
                Model("FlagsSingleBitsU64", UnderlyingType.UInt64, true,
                    Member("B0", 1), Member("B5", 32), Member("B33", 1UL << 33), Member("B62", 1UL << 62), Member("B63", 1UL << 63)),
                Model("FlagsSingleBitsI64", UnderlyingType.Int64, true,
                    Member("None", 0), Member("B1", 2), Member("B40", 1L << 40), Member("Sign", long.MinValue)),

                // Values close together with a zero member: names come from the table by offset, combinations from the flags path.
                Model("FlagsDense", UnderlyingType.Int32, true,
                    Member("None", 0), Member("A", 1), Member("B", 2), Member("C", 4), Member("D", 8), Member("AlsoA", 1)),
                Model("DenseNegative", UnderlyingType.Int32, false,
                    Member("M4", -4), Member("M1", -1), Member("Zero", 0), Member("Two", 2), Member("Nine", 9), Member("AliasNine", 9)),
                Model("DenseU64High", UnderlyingType.UInt64, false,
                    Member("Top", ulong.MaxValue), Member("TopMinus2", ulong.MaxValue - 2), Member("TopMinus5", ulong.MaxValue - 5)),
                Model("CaseNames", UnderlyingType.Int32, false,
                    Member("a", 1), Member("A", 2), Member("Straße", 3), Member("STRASSE", 4), Member("ÉTÉ", 5), Member("été", 6),
                    Member("İ", 7), Member("i", 8), Member("ı", 9), Member("I", 10), Member("K", 11), Member("\u212A", 12), Member("Ωmega", 13), Member("ωMEGA", 14)),
                Model("Descriptions", UnderlyingType.UInt32, false,
                    Member("Quote", 1, "Says \"hi\" and C:\\path\\file; tab\there."),
                    Member("Lines", 2, "line one\nline two\r\nthree\u2028four\u0085five"),
                    Member("Unicode", 3, "naïve – “curly” \u00A0nbsp \u202Ebidi\u202C \uD83D\uDE00 emoji \uD800 lone"),
                    Member("Empty", 4, string.Empty),
                    Member("AliasOfQuote", 1, "An alias's own description.")),
                Model("Extremes64", UnderlyingType.Int64, false,
                    Member("Min", long.MinValue), Member("Max", long.MaxValue), Member("MinusOne", -1), Member("Zero", 0)),
                Model("ExtremesU64", UnderlyingType.UInt64, false,
                    Member("Max", ulong.MaxValue), Member("High", 0x8000000000000000UL), Member("Zero", 0)),
                Model("ExtremesU32", UnderlyingType.UInt32, false,
                    Member("Max", uint.MaxValue), Member("High", 0x80000000u), Member("One", 1)),

                // Keywords as the enum's and the members' names (identifiers are held without '@').
                Model("event", UnderlyingType.Int32, false, Member("class", 1), Member("int", 2)),
            };

            // More than 32 members (binary search) declared out of order with many aliases (unstable sort), and more
            // than 16 (quicksort partitions): the alias the runtime picks depends on every detail of both.
            var big = new List<EnumMemberModel>();
            for (int i = 0; i < 48; i++)
            {
                big.Add(Member("Big" + i, (47 - i) / 3));
            }

            models.Add(Model("BigAliases", UnderlyingType.Int32, false, big.ToArray()));
            models.Add(Model("BigAliasesFlags", UnderlyingType.Int32, true, big.Select(m => m with { Value = m.Value == 0 ? 0 : BigInteger.One << (int)(m.Value % 31) }).ToArray()));
            return models;
        }

        public const string KeptNamespace = "Kept";

        /// <summary>
        /// Flags enums no other test formats, for the tests of the texts ToStringFast keeps (the first combinations it
        /// writes, per enum): twelve single bits, and a composite member of the lowest two so both formatting paths keep.
        /// </summary>
        public static IReadOnlyList<EnumModel> Kept()
            => new[] { "KeptFlags", "RacedFlags", "PlacedFlags" }
                .Select(name => Model(KeptNamespace, name, UnderlyingType.UInt32, true, Enumerable.Range(0, 12)
                    .Select(bit => Member("Flag" + bit, BigInteger.One << bit))
                    .Prepend(Member("None", 0))
                    .Append(Member("Low", 3))
                    .ToArray()))
                .ToList();

        /// <summary>Random enums (deterministic for a seed): every underlying type, flags or not, aliases, odd names.</summary>
        public static IReadOnlyList<EnumModel> Random(int seed, int count)
        {
            var random = new Random(seed);
            var models = new List<EnumModel>();
            UnderlyingType[] types = { UnderlyingType.Int32, UnderlyingType.UInt32, UnderlyingType.Int64, UnderlyingType.UInt64 };
            string[] letters = { "A", "b", "É", "é", "Ω", "ω", "i", "I", "ı", "İ", "ß", "K", "k", "\u212A", "_" };
            for (int e = 0; e < count; e++)
            {
                UnderlyingType type = types[random.Next(types.Length)];
                bool flags = random.Next(2) == 0;
                int n = random.Next(1, 70);
                int pool = random.Next(1, 2 * n);
                var members = new List<EnumMemberModel>();
                var names = new HashSet<string>(StringComparer.Ordinal);
                for (int i = 0; i < n; i++)
                {
                    long raw = random.Next(5) switch
                    {
                        0 => random.Next(pool),
                        1 => -random.Next(pool),
                        2 => 1L << random.Next(type is UnderlyingType.Int64 or UnderlyingType.UInt64 ? 64 : 32),
                        3 => (long)((uint)random.Next(pool) | (1u << random.Next(8))),
                        _ => random.NextInt64(),
                    };

                    string name = "M" + i;
                    if (random.Next(4) == 0)
                    {
                        // A name that may collide with another ignoring case, or is not ASCII.
                        string candidate = letters[random.Next(letters.Length)] + letters[random.Next(letters.Length)] + (random.Next(3) == 0 ? string.Empty : (i % 5).ToString(System.Globalization.CultureInfo.InvariantCulture));
                        if (candidate[0] != '_' || candidate.Length > 1)
                        {
                            name = candidate;
                        }
                    }

                    if (!names.Add(name) || !Generator.Parsing.Identifiers.IsValid(name))
                    {
                        name = "M" + i;
                        names.Add(name);
                    }

                    members.Add(Member(name, Fit(raw, type)));
                }

                models.Add(Model("Random" + e, type, flags, members.ToArray()));
            }

            return models;
        }

        /// <summary>The value with the bits of <paramref name="raw"/> that fit, read as the underlying type.</summary>
        private static BigInteger Fit(long raw, UnderlyingType type) => type switch
        {
            UnderlyingType.Int32 => unchecked((int)raw),
            UnderlyingType.UInt32 => unchecked((uint)raw),
            UnderlyingType.Int64 => raw,
            _ => unchecked((ulong)raw),
        };
    }
}
