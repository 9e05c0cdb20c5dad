using System;
using System.Linq;
using System.Text;
using Xunit;

namespace TapiGen.Tests.Helpers
{
    /// <summary>
    /// The hot paths allocate nothing: formatting defined values, parsing (string, span, UTF-8, ignoring case, numbers,
    /// lists, non-ASCII UTF-8 that is decoded on the stack), lookups, GetValues and GetNames. Measured with
    /// GC.GetAllocatedBytesForCurrentThread after a warm-up (static constructors, JIT).
    /// </summary>
    [Collection(HelpersCollection.Name)]
    public sealed class HelpersAllocationTests
    {
        private readonly HelperDriver _plain;
        private readonly HelperDriver _flags;
        private readonly HelperDriver _large;
        private readonly HelperDriver _nonAscii;

        // Created once: the measured loop must not allocate its own inputs.
        private static readonly byte[] s_utf8Name = Encoding.UTF8.GetBytes("CS_CONNECTED");
        private static readonly byte[] s_utf8Lower = Encoding.UTF8.GetBytes("  cs_connected\t");
        private static readonly byte[] s_utf8List = Encoding.UTF8.GetBytes("TE_ADDRESS, te_callhub");
        private static readonly byte[] s_utf8Number = Encoding.UTF8.GetBytes(" -17 ");
        private static readonly byte[] s_utf8NonAscii = Encoding.UTF8.GetBytes("\u00A0CS_HOLD\u2028");
        private static readonly byte[] s_utf8Accented = Encoding.UTF8.GetBytes("ÉTÉ");

        public HelpersAllocationTests(HelpersFixture fixture)
        {
            _plain = fixture.Get("Pages.CALL_STATE");
            _flags = fixture.Get("Pages.TAPI_EVENT");
            _large = fixture.Get("Pages.InputScope");
            _nonAscii = fixture.Get("Models.CaseNames");
        }

        [Fact]
        public void Hot_paths_allocate_nothing()
        {
            ulong[] plainValues = EnumOracle.MemberBits(_plain);
            ulong[] flagValues = EnumOracle.MemberBits(_flags);
            ulong[] largeValues = EnumOracle.MemberBits(_large);

            int sink = 0;
            var paths = new (string Name, Action Run)[]
            {
                ("ToStringFast, GetDescription, IsDefined of CALL_STATE's values", () =>
                {
                    foreach (ulong bits in plainValues)
                    {
                        sink += _plain.ToStringFast(bits).Length;
                        sink += _plain.GetDescription(bits)?.Length ?? 0;
                        sink += _plain.IsDefinedValue(bits) ? 1 : 0;
                    }
                }),
                ("ToStringFast, HasFlagFast of TAPI_EVENT's values", () =>
                {
                    foreach (ulong bits in flagValues)
                    {
                        sink += _flags.ToStringFast(bits).Length;
                        sink += _flags.HasFlagFast!(bits, 2) ? 1 : 0;
                    }
                }),
                ("ToStringFast of InputScope's values", () =>
                {
                    foreach (ulong bits in largeValues)
                    {
                        sink += _large.ToStringFast(bits).Length;
                    }
                }),
                ("TryParse(string) of a name", () => sink += _plain.TryParseString("CS_CONNECTED", false, true, out ulong parsed) ? (int)parsed : 0),
                ("TryParse(string) ignoring case, with white space", () => sink += _plain.TryParseString("  cs_connected\t", true, true, out ulong parsed) ? (int)parsed : 0),
                ("TryParse(string) of a number", () => sink += _plain.TryParseString("-17", false, true, out ulong parsed) ? (int)parsed : 0),
                ("TryParse(string) of a list", () => sink += _plain.TryParseString("CS_HOLD,CS_IDLE", false, false, out ulong parsed) ? (int)parsed : 0),
                ("TryParse(string) of no name", () => sink += _plain.TryParseString("nope", true, true, out _) ? 1 : 0),
                ("TryParse(span) of a name", () => sink += _plain.TryParseChars("CS_CONNECTED", false, true, out ulong parsed) ? (int)parsed : 0),
                ("TryParse(span) ignoring case", () => sink += _plain.TryParseChars(" cs_connected ", true, true, out ulong parsed) ? (int)parsed : 0),
                ("TryParse(span) of a number out of range", () => sink += _plain.TryParseChars("4294967296", false, true, out _) ? 1 : 0),
                ("TryParse(UTF-8) of a name", () => sink += _plain.TryParseUtf8(s_utf8Name, false, true, out ulong parsed) ? (int)parsed : 0),
                ("TryParse(UTF-8) ignoring case", () => sink += _plain.TryParseUtf8(s_utf8Lower, true, true, out ulong parsed) ? (int)parsed : 0),
                ("TryParse(UTF-8) of a number", () => sink += _plain.TryParseUtf8(s_utf8Number, false, true, out ulong parsed) ? (int)parsed : 0),
                ("TryParse(UTF-8) with non-ASCII white space", () => sink += _plain.TryParseUtf8(s_utf8NonAscii, false, true, out ulong parsed) ? (int)parsed : 0),
                ("TryParse(UTF-8) of a flags list ignoring case", () => sink += _flags.TryParseUtf8(s_utf8List, true, true, out ulong parsed) ? (int)parsed : 0),
                ("TryParse(string) of a flags list ignoring case", () => sink += _flags.TryParseString("TE_ADDRESS, te_callhub", true, true, out ulong parsed) ? (int)parsed : 0),
                ("TryParse(string) of a large enum ignoring case", () => sink += _large.TryParseString("IS_DEFAULT", true, true, out ulong parsed) ? (int)parsed : 0),
                ("TryParse(UTF-8) of a non-ASCII name ignoring case", () => sink += _nonAscii.TryParseUtf8(s_utf8Accented, true, true, out ulong parsed) ? (int)parsed : 0),
                ("TryParse(string) of a non-ASCII name ignoring case", () => sink += _nonAscii.TryParseString("été", true, true, out ulong parsed) ? (int)parsed : 0),
                ("Parse(string)", () => sink += (int)_plain.ParseString("CS_OFFERING", false, true)),
                ("Parse(span) ignoring case", () => sink += (int)_plain.ParseChars("cs_offering", true, true)),
                ("Parse(UTF-8)", () => sink += (int)_plain.ParseUtf8(s_utf8Name, false, true)),
                ("IsDefined(string)", () => sink += _plain.IsDefinedName("CS_HOLD", false) ? 1 : 0),
                ("IsDefined(string) ignoring case", () => sink += _plain.IsDefinedName("cs_hold", true) ? 1 : 0),
                ("IsDefined(span) ignoring case", () => sink += _plain.IsDefinedChars("cs_hold", true) ? 1 : 0),
                ("GetValues and GetNames", () => sink += _plain.SpanLengths() + _flags.SpanLengths() + _large.SpanLengths()),
            };

            // Each path on its own, so a failure names the paths that allocate.
            var allocating = new System.Collections.Generic.List<string>();
            foreach (var path in paths)
            {
                path.Run();
                path.Run();
                long before = GC.GetAllocatedBytesForCurrentThread();
                for (int i = 0; i < 50; i++)
                {
                    path.Run();
                }

                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                if (allocated != 0)
                {
                    allocating.Add(path.Name + ": " + allocated / 50 + " bytes a call");
                }
            }

            Assert.True(sink != 0);
            Assert.True(allocating.Count == 0, "These paths allocate:\n" + string.Join("\n", allocating));
        }

        [Fact]
        public void The_measurement_sees_what_must_allocate()
        {
            // A combination of flags is a new string each time, and an undefined value's number too.
            ulong combination = EnumOracle.MemberBits(_flags).Where(b => b != 0).Take(2).Aggregate(0UL, (a, b) => a | b);
            _flags.ToStringFast(combination);
            _plain.ToStringFast(12345);
            long before = GC.GetAllocatedBytesForCurrentThread();
            string text = _flags.ToStringFast(combination) + _plain.ToStringFast(12345);
            Assert.True(GC.GetAllocatedBytesForCurrentThread() - before > 0);
            Assert.Contains(", ", text);
        }
    }
}
