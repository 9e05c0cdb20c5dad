using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using TapiGen.Generator.Model;

namespace TapiGen.Generator.Planning
{
    /// <summary>One JSON name and the member it reads as.</summary>
    /// <param name="Name">The wire name (never empty).</param>
    /// <param name="Member">The member it stands for.</param>
    /// <param name="Bits">The member's value as the converters compute with it: sign-extended to 64 bits, then unsigned.</param>
    internal sealed record JsonName(string Name, EnumMemberModel Member, ulong Bits);

    /// <summary>A member whose JSON name cannot be used as computed, and what the converters do instead.</summary>
    /// <param name="MemberIndex">The member's position in the model.</param>
    internal sealed record JsonNameProblem(int MemberIndex, string MemberName, string ComputedName, string Resolution);

    /// <summary>
    /// The names both JSON converters read and write, decided once: which name each value is written as, which
    /// names are read, and the table flags are formatted from. The rules follow JsonStringEnumConverter: of several
    /// members with one value (aliases) the first in System.Enum's order is written (<see cref="RuntimeEnumRules"/>,
    /// which ToStringFast uses too); every member's name is read.
    /// </summary>
    internal sealed class JsonNames
    {
        private JsonNames(List<JsonName> readable, List<JsonName> written, List<JsonName> flags, List<JsonNameProblem> problems)
        {
            Readable = readable;
            Written = written;
            FlagsDescending = flags;
            Problems = problems;
        }

        /// <summary>Every name that reads, in declaration order; a name two members share reads as the first.</summary>
        public IReadOnlyList<JsonName> Readable { get; }

        /// <summary>One entry per distinct value, in declaration order: the member JsonStringEnumConverter writes for it.</summary>
        public IReadOnlyList<JsonName> Written { get; }

        /// <summary>
        /// The nonzero entries of <see cref="Written"/> from the highest value (as unsigned 64-bit) to the lowest: a flags
        /// value is formatted by taking, in this order, each entry whose bits are all still set, as Enum.ToString does.
        /// </summary>
        public IReadOnlyList<JsonName> FlagsDescending { get; }

        /// <summary>Names that were empty or taken: TG0024 each, reported by the planner at the member's heading.</summary>
        public IReadOnlyList<JsonNameProblem> Problems { get; }

        /// <summary>True when any name has a character outside ASCII (case-insensitive reading then needs a slower path).</summary>
        public bool HasNonAsciiName
        {
            get
            {
                foreach (JsonName name in Readable)
                {
                    if (!IsAscii(name.Name))
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>The longest text a flags value can be written as: every name once, ", " between them.</summary>
        public int MaxFlagsTextBytes
        {
            get
            {
                int total = 0;
                foreach (JsonName name in FlagsDescending)
                {
                    total += System.Text.Encoding.UTF8.GetByteCount(name.Name) + 2;
                }

                return total;
            }
        }

        public static JsonNames For(EnumModel model)
        {
            var readable = new List<JsonName>();
            var written = new List<JsonName>();
            var problems = new List<JsonNameProblem>();
            var byName = new Dictionary<string, JsonName>(System.StringComparer.Ordinal);

            // Of several members with one value, JsonStringEnumConverter writes the first in System.Enum's order
            // (GetNames, which sorts the values without keeping the order of equal ones), not the first declared.
            StorageType storage = StorageType.For(model.UnderlyingType);
            int[] runtimeOrder = RuntimeEnumRules.Sort(model.Members.Select(m => storage.ToStorage(m.Value)).ToList());
            var writtenIndex = new Dictionary<ulong, int>();
            foreach (int index in runtimeOrder)
            {
                ulong bits = Bits(model.Members[index].Value);
                if (!writtenIndex.ContainsKey(bits))
                {
                    writtenIndex.Add(bits, index);
                }
            }

            for (int index = 0; index < model.Members.Count; index++)
            {
                EnumMemberModel member = model.Members[index];
                string name = member.JsonName;
                if (name.Length == 0)
                {
                    name = member.TextName;
                    problems.Add(new JsonNameProblem(index, member.Name, member.JsonName, "which is empty, so its text name '" + name + "' is used instead"));
                }

                var entry = new JsonName(name, member, Bits(member.Value));
                if (byName.TryGetValue(name, out JsonName? first))
                {
                    // Same value: a harmless alias (reads the same either way). Another value: the name reads as the first.
                    if (first.Bits != entry.Bits)
                    {
                        problems.Add(new JsonNameProblem(index, member.Name, name, "which member '" + first.Member.Name + "' has too, so reading it gives '" + first.Member.Name + "'"));
                    }
                }
                else
                {
                    byName.Add(name, entry);
                    readable.Add(entry);
                }

                if (writtenIndex[entry.Bits] == index)
                {
                    written.Add(entry);
                }
            }

            var flags = new List<JsonName>();
            foreach (JsonName entry in written)
            {
                if (entry.Bits != 0)
                {
                    flags.Add(entry);
                }
            }

            // Stable for equal keys is not needed: written holds one entry per value.
            flags.Sort((a, b) => b.Bits.CompareTo(a.Bits));
            return new JsonNames(readable, written, flags, problems);
        }

        /// <summary>The value sign-extended to 64 bits, as unsigned: how Enum and JsonStringEnumConverter order flags.</summary>
        public static ulong Bits(BigInteger value)
            => value.Sign < 0 ? (ulong)(value + (BigInteger.One << 64)) : (ulong)value;

        public static bool IsAscii(string text)
        {
            foreach (char c in text)
            {
                if (c > 0x7F)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
