using System.Collections.Generic;

namespace TapiGen.Generator.Planning
{
    /// <summary>
    /// What System.Enum (.NET 8 and later) does with an enum's members, computed at compile time so the generated
    /// helpers give the same answers without reflection. These are the runtime's observable rules, re-derived and
    /// checked against the real runtime (see tests/TapiGen.Tests/Helpers/RuntimeEnumRulesTests.cs):
    /// <list type="bullet">
    /// <item>Values are compared as unsigned numbers of the enum's size ("storage": uint for int and uint, ulong for
    /// long and ulong), so negative values sort after all positive ones.</item>
    /// <item>The members are read in declaration order. When that order is already non-decreasing it is kept;
    /// otherwise it is sorted with Array.Sort(keys, items), an introspective sort that is not stable, so the order of
    /// aliases (members with equal values) depends on the whole enum. <see cref="Sort"/> reproduces that sort
    /// step by step. GetValues and GetNames return this order.</item>
    /// <item>ToString of a plain enum finds the value in that order: by index when the values are exactly 0..n-1,
    /// by a linear search (first alias) up to 32 members, by a binary search (whichever alias it lands on) above.</item>
    /// <item>ToString of a [Flags] enum takes, for an exact match, the last alias in that order (it searches from the
    /// top), for zero the first member when it is zero, and otherwise combines names from the highest value down.</item>
    /// </list>
    /// </summary>
    internal static class RuntimeEnumRules
    {
        /// <summary>Array.Sort switches from quicksort partitions to insertion sort at this size.</summary>
        private const int IntrosortSizeThreshold = 16;

        /// <summary>Up to this many members Enum.GetName searches linearly, above it binary.</summary>
        private const int LinearSearchThreshold = 32;

        /// <summary>
        /// The members' positions (indices into <paramref name="storageValues"/>, which is in declaration order) in
        /// the order System.Enum keeps them.
        /// </summary>
        public static int[] Sort(IReadOnlyList<ulong> storageValues)
        {
            int count = storageValues.Count;
            var keys = new ulong[count];
            var items = new int[count];
            bool sorted = true;
            for (int i = 0; i < count; i++)
            {
                keys[i] = storageValues[i];
                items[i] = i;
                if (i > 0 && keys[i - 1] > keys[i])
                {
                    sorted = false;
                }
            }

            if (!sorted)
            {
                new IntroSorter(keys, items).Sort();
            }

            return items;
        }

        /// <summary>
        /// For a plain (not [Flags]) enum: the index in <paramref name="sortedValues"/> whose name Enum.ToString and
        /// Enum.GetName return for <paramref name="value"/>, or -1 when no member has that value.
        /// </summary>
        public static int FindPlainIndex(IReadOnlyList<ulong> sortedValues, ulong value)
        {
            int count = sortedValues.Count;
            bool sequentialFromZero = true;
            for (int i = 0; i < count && sequentialFromZero; i++)
            {
                sequentialFromZero = sortedValues[i] == (ulong)i;
            }

            if (sequentialFromZero)
            {
                return value < (ulong)count ? (int)value : -1;
            }

            if (count <= LinearSearchThreshold)
            {
                for (int i = 0; i < count; i++)
                {
                    if (sortedValues[i] == value)
                    {
                        return i;
                    }
                }

                return -1;
            }

            int low = 0, high = count - 1;
            while (low <= high)
            {
                int middle = (int)(((uint)high + (uint)low) >> 1);
                ulong candidate = sortedValues[middle];
                if (candidate == value)
                {
                    return middle;
                }

                if (value > candidate)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return -1;
        }

        /// <summary>
        /// For a [Flags] enum: the index in <paramref name="sortedValues"/> whose name Enum.ToString returns for a
        /// value that some member has exactly, or -1 when none has it. Zero is the first member when that is zero;
        /// any other value is the last of its aliases, because the runtime searches from the top.
        /// </summary>
        public static int FindFlagsExactIndex(IReadOnlyList<ulong> sortedValues, ulong value)
        {
            if (value == 0)
            {
                return sortedValues.Count > 0 && sortedValues[0] == 0 ? 0 : -1;
            }

            for (int i = sortedValues.Count - 1; i >= 0; i--)
            {
                if (sortedValues[i] <= value)
                {
                    return sortedValues[i] == value ? i : -1;
                }
            }

            return -1;
        }

        /// <summary>
        /// Array.Sort&lt;TKey, TValue&gt;(keys, items) for unsigned keys and the default comparer: introspective sort
        /// (median-of-three quicksort, insertion sort for small partitions, heapsort past the depth limit).
        /// </summary>
        private sealed class IntroSorter
        {
            private readonly ulong[] _keys;
            private readonly int[] _items;

            public IntroSorter(ulong[] keys, int[] items)
            {
                _keys = keys;
                _items = items;
            }

            public void Sort()
            {
                if (_keys.Length > 1)
                {
                    IntroSort(0, _keys.Length, 2 * (Log2((uint)_keys.Length) + 1));
                }
            }

            private static int Log2(uint value)
            {
                int log = 0;
                while ((value >>= 1) != 0)
                {
                    log++;
                }

                return log;
            }

            /// <summary>Sorts the partition [lo, lo + size).</summary>
            private void IntroSort(int lo, int size, int depthLimit)
            {
                while (size > 1)
                {
                    if (size <= IntrosortSizeThreshold)
                    {
                        if (size == 2)
                        {
                            SwapIfGreater(lo, lo + 1);
                            return;
                        }

                        if (size == 3)
                        {
                            SwapIfGreater(lo, lo + 1);
                            SwapIfGreater(lo, lo + 2);
                            SwapIfGreater(lo + 1, lo + 2);
                            return;
                        }

                        InsertionSort(lo, size);
                        return;
                    }

                    if (depthLimit == 0)
                    {
                        HeapSort(lo, size);
                        return;
                    }

                    depthLimit--;
                    int pivot = PickPivotAndPartition(lo, size);
                    IntroSort(lo + pivot + 1, size - (pivot + 1), depthLimit);
                    size = pivot;
                }
            }

            /// <summary>Returns the pivot's final position, relative to <paramref name="lo"/>.</summary>
            private int PickPivotAndPartition(int lo, int size)
            {
                int hi = size - 1;
                int middle = hi >> 1;
                SwapIfGreater(lo, lo + middle);
                SwapIfGreater(lo, lo + hi);
                SwapIfGreater(lo + middle, lo + hi);

                ulong pivot = _keys[lo + middle];
                Swap(lo + middle, lo + hi - 1);
                int left = 0, right = hi - 1;
                while (left < right)
                {
                    while (pivot > _keys[lo + ++left])
                    {
                    }

                    while (pivot < _keys[lo + --right])
                    {
                    }

                    if (left >= right)
                    {
                        break;
                    }

                    Swap(lo + left, lo + right);
                }

                if (left != hi - 1)
                {
                    Swap(lo + left, lo + hi - 1);
                }

                return left;
            }

            private void InsertionSort(int lo, int size)
            {
                for (int i = 0; i < size - 1; i++)
                {
                    ulong key = _keys[lo + i + 1];
                    int item = _items[lo + i + 1];
                    int j = i;
                    while (j >= 0 && key < _keys[lo + j])
                    {
                        _keys[lo + j + 1] = _keys[lo + j];
                        _items[lo + j + 1] = _items[lo + j];
                        j--;
                    }

                    _keys[lo + j + 1] = key;
                    _items[lo + j + 1] = item;
                }
            }

            private void HeapSort(int lo, int size)
            {
                for (int i = size >> 1; i >= 1; i--)
                {
                    DownHeap(lo, i, size);
                }

                for (int i = size; i > 1; i--)
                {
                    Swap(lo, lo + i - 1);
                    DownHeap(lo, 1, i - 1);
                }
            }

            private void DownHeap(int lo, int i, int n)
            {
                ulong key = _keys[lo + i - 1];
                int item = _items[lo + i - 1];
                while (i <= n >> 1)
                {
                    int child = 2 * i;
                    if (child < n && _keys[lo + child - 1] < _keys[lo + child])
                    {
                        child++;
                    }

                    if (!(key < _keys[lo + child - 1]))
                    {
                        break;
                    }

                    _keys[lo + i - 1] = _keys[lo + child - 1];
                    _items[lo + i - 1] = _items[lo + child - 1];
                    i = child;
                }

                _keys[lo + i - 1] = key;
                _items[lo + i - 1] = item;
            }

            private void SwapIfGreater(int i, int j)
            {
                if (_keys[i] > _keys[j])
                {
                    Swap(i, j);
                }
            }

            private void Swap(int i, int j)
            {
                ulong key = _keys[i];
                _keys[i] = _keys[j];
                _keys[j] = key;
                int item = _items[i];
                _items[i] = _items[j];
                _items[j] = item;
            }
        }
    }
}
