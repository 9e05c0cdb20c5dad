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
            void Run()
            {
                foreach (ulong bits in plainValues)
                {
                    sink += _plain.ToStringFast(bits).Length;
                    sink += _plain.GetDescription(bits)?.Length ?? 0;
                    sink += _plain.IsDefinedValue(bits) ? 1 : 0;
                }

                foreach (ulong bits in flagValues)
                {
                    sink += _flags.ToStringFast(bits).Length;
                    sink += _flags.HasFlagFast!(bits, 2) ? 1 : 0;
                }

                foreach (ulong bits in largeValues)
                {
                    sink += _large.ToStringFast(bits).Length;
                }

                sink += _plain.TryParseString("CS_CONNECTED", false, true, out ulong parsed) ? (int)parsed : 0;
                sink += _plain.TryParseString("  cs_connected\t", true, true, out parsed) ? (int)parsed : 0;
                sink += _plain.TryParseString("-17", false, true, out parsed) ? (int)parsed : 0;
                sink += _plain.TryParseString("CS_HOLD,CS_IDLE", false, false, out parsed) ? (int)parsed : 0;
                sink += _plain.TryParseString("nope", true, true, out parsed) ? 1 : 0;
                sink += _plain.TryParseChars("CS_CONNECTED", false, true, out parsed) ? (int)parsed : 0;
                sink += _plain.TryParseChars(" cs_connected ", true, true, out parsed) ? (int)parsed : 0;
                sink += _plain.TryParseChars("4294967296", false, true, out parsed) ? 1 : 0;
                sink += _plain.TryParseUtf8(s_utf8Name, false, true, out parsed) ? (int)parsed : 0;
                sink += _plain.TryParseUtf8(s_utf8Lower, true, true, out parsed) ? (int)parsed : 0;
                sink += _plain.TryParseUtf8(s_utf8Number, false, true, out parsed) ? (int)parsed : 0;
                sink += _plain.TryParseUtf8(s_utf8NonAscii, false, true, out parsed) ? (int)parsed : 0;
                sink += _flags.TryParseUtf8(s_utf8List, true, true, out parsed) ? (int)parsed : 0;
                sink += _flags.TryParseString("TE_ADDRESS, te_callhub", true, true, out parsed) ? (int)parsed : 0;
                sink += _large.TryParseString("IS_DEFAULT", true, true, out parsed) ? (int)parsed : 0;
                sink += _nonAscii.TryParseUtf8(s_utf8Accented, true, true, out parsed) ? (int)parsed : 0;
                sink += _nonAscii.TryParseString("été", true, true, out parsed) ? (int)parsed : 0;
                sink += (int)_plain.ParseString("CS_OFFERING", false, true);
                sink += (int)_plain.ParseChars("cs_offering", true, true);
                sink += (int)_plain.ParseUtf8(s_utf8Name, false, true);
                sink += _plain.IsDefinedName("CS_HOLD", false) ? 1 : 0;
                sink += _plain.IsDefinedName("cs_hold", true) ? 1 : 0;
                sink += _plain.IsDefinedChars("cs_hold", true) ? 1 : 0;
                sink += _plain.SpanLengths() + _flags.SpanLengths() + _large.SpanLengths();
            }

            Run();
            Run();
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 50; i++)
            {
                Run();
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(sink != 0);
            Assert.Equal(0, allocated);
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
