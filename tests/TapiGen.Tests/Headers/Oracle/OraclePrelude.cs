namespace TapiGen.Tests.Headers.Oracle
{
    /// <summary>
    /// What the oracle's C file starts with: "a current SDK compiling C for the newest Windows, desktop, x64".
    /// gcc runs with -undef -nostdinc (none of gcc's own macros such as __GNUC__, __linux__ or __x86_64__, no system
    /// headers; __STDC__ is undefined here); this defines what MSVC would predefine for x64 and includes sdkddkver.h and winapifamily.h from the
    /// package, which with nothing else defined give NTDDI_VERSION = NTDDI_WIN11_GE (the newest) and the desktop
    /// family. C, not C++: __cplusplus, __midl and MIDL_PASS stay undefined.
    /// <para>
    /// MSVC is LLP64: the typedefs below have MSVC's sizes (LONG, ULONG, DWORD are 32-bit, as long is there), and
    /// <see cref="CText.RewriteForLlp64"/> makes the keyword long and the L suffix in the header's text mean 32 bits.
    /// </para>
    /// </summary>
    internal static class OraclePrelude
    {
        public const string Text = @"/* TapiGen header oracle prelude: MSVC x64, C */
#define _WIN32 1
#define _WIN64 1
#define _M_AMD64 100
#define _M_X64 100
#define _AMD64_ 1
#define _MSC_VER 1944
#define _MSC_FULL_VER 194435207
#define _MSC_EXTENSIONS 1
#define _INTEGRAL_MAX_BITS 64
#undef __STDC__ /* gcc always defines it, MSVC only with /Zc:__STDC__ (oaidl.h and oleauto.h test it) */
#define __int8 char
#define __int16 short
#define __int32 int
#define __int64 long long
#define __declspec(x)
#define __pragma(x)
#define __inline inline
#define __forceinline inline
#define __cdecl
#define __stdcall
#define __fastcall

typedef char CHAR, CCHAR;
typedef signed char INT8, SCHAR, int8_t;
typedef unsigned char UCHAR, BYTE, BOOLEAN, UINT8, uint8_t;
typedef short SHORT, INT16, int16_t;
typedef unsigned short USHORT, WORD, UINT16, uint16_t, WCHAR, wchar_t, LANGID, ATOM;
typedef int INT, BOOL, LONG, INT32, LONG32, HRESULT, NTSTATUS, SCODE, int32_t;
typedef unsigned int UINT, ULONG, DWORD, UINT32, ULONG32, DWORD32, LCID, COLORREF, uint32_t;
typedef long long INT64, LONG64, LONGLONG, INT_PTR, LONG_PTR, SSIZE_T, LPARAM, LRESULT, int64_t, intptr_t, ptrdiff_t;
typedef unsigned long long UINT64, ULONG64, DWORD64, ULONGLONG, DWORDLONG, UINT_PTR, ULONG_PTR, DWORD_PTR, SIZE_T, WPARAM, uint64_t, uintptr_t, size_t;
typedef float FLOAT;
typedef double DOUBLE;
typedef void *PVOID, *LPVOID, *HANDLE;

#include <sdkddkver.h>
#include <winapifamily.h>
";
    }
}
