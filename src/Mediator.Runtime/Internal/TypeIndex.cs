using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Mediator.Internal;

/// <summary>
/// The position of a message's runtime type in a list of types fixed at compile time, found in constant time: the
/// generated generic <c>Send</c>, <c>Publish</c> and <c>CreateStream</c> of a project with many message types switch on
/// it instead of testing the types one by one. An open-addressing table keyed on the type handle (the runtime's pointer
/// to the type's method table): no reflection, nothing allocated per lookup, the same in Native AOT.
/// Not meant to be used from user code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class TypeIndex
{
    // Fibonacci hashing: 2^64 / golden ratio. Method tables are 8-byte aligned and often close together, so their low bits
    // alone would crowd into few slots; the multiply spreads every bit of the address into the top bits the shift keeps.
    private const ulong Multiplier = 0x9E3779B97F4A7C15UL;

    private readonly Entry[] _entries;
    private readonly int _shift;

    /// <summary>Builds the table; a type's index is its position in <paramref name="types"/>.</summary>
    /// <param name="types">Distinct, non-null types.</param>
    /// <exception cref="ArgumentException">A type is null or appears twice.</exception>
    public TypeIndex(params Type[] types)
    {
        if (types is null)
        {
            throw new ArgumentNullException(nameof(types));
        }

        // At most half full, so every probe sequence ends at an empty slot.
        var bits = 1;
        while ((1 << bits) < types.Length * 2)
        {
            bits++;
        }

        _entries = new Entry[1 << bits];
        _shift = 64 - bits;
        var mask = _entries.Length - 1;
        for (var index = 0; index < types.Length; index++)
        {
            var key = (types[index] ?? throw new ArgumentException("The types must not be null.", nameof(types))).TypeHandle.Value;
            var slot = Slot(key);
            while (_entries[slot].Key != IntPtr.Zero)
            {
                if (_entries[slot].Key == key)
                {
                    throw new ArgumentException($"'{types[index]}' appears twice.", nameof(types));
                }

                slot = (slot + 1) & mask;
            }

            _entries[slot] = new Entry(key, index);
        }
    }

    /// <summary>The position of the type in the list the table was built from, or -1.</summary>
    /// <param name="type">
    /// The runtime type's handle: <c>Type.GetTypeHandle(message)</c>, which reads it straight from the object, cheaper
    /// than <c>message.GetType().TypeHandle</c>; or <c>typeof(T).TypeHandle</c> for a struct, without boxing it.
    /// </param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int IndexOf(RuntimeTypeHandle type)
    {
        var key = type.Value;
        var entries = _entries;
        var mask = entries.Length - 1;
        ref var first = ref MemoryMarshal.GetArrayDataReference(entries);
        var slot = Slot(key);
        while (true)
        {
            // slot is always masked to the array's length, so the unchecked read stays inside it.
            ref var entry = ref Unsafe.Add(ref first, slot);
            if (entry.Key == key)
            {
                return entry.Index;
            }

            if (entry.Key == IntPtr.Zero)
            {
                return -1;
            }

            slot = (slot + 1) & mask;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(IntPtr key) => (int)(unchecked((ulong)(long)key * Multiplier) >> _shift);

    private readonly struct Entry
    {
        public readonly IntPtr Key;
        public readonly int Index;

        public Entry(IntPtr key, int index)
        {
            Key = key;
            Index = index;
        }
    }
}
