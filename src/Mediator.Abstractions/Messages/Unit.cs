using System;

namespace Mediator;

/// <summary>
/// The response of a request that has none. Middleware written for
/// <c>IRequest&lt;TResponse&gt;</c> sees void requests with <c>TResponse = Unit</c>.
/// </summary>
/// <remarks>
/// What MediatR code touches on its <c>Unit</c> compiles here: <see cref="Value"/>, <see cref="Task"/> (which converts to
/// <c>ValueTask&lt;Unit&gt;</c> as well as to <c>Task&lt;Unit&gt;</c>, so <c>return Unit.Task;</c> survives the <c>Task</c>
/// to <c>ValueTask</c> rewrite), equality, <see cref="IComparable{T}"/> and <see cref="IComparable"/>. MediatR declares no
/// <c>&lt;</c>/<c>&gt;</c> operators on it, and neither does this type.
/// </remarks>
public readonly struct Unit : IEquatable<Unit>, IComparable<Unit>, IComparable
{
    // Never set and never read: a struct with no fields at all is one the JIT will not promote to registers, so every
    // ValueTask<Unit> an async middleware layer returns (each notification and void-request layer) went through memory.
    // Measured: five no-op layers returning ValueTask<Unit> took 69 ns with an empty Unit and 44-55 ns with this field,
    // the same as ValueTask<int>. The size stays one byte and every Unit is still equal to every other.
#pragma warning disable CS0169 // the field is never used: it is there only to give the struct a field
    private readonly byte _noFields;
#pragma warning restore CS0169

    /// <summary>The only value of <see cref="Unit"/>.</summary>
    public static readonly Unit Value;

    /// <summary>
    /// A completed task of <see cref="Value"/>, for <c>return Unit.Task;</c>. It converts implicitly to
    /// <c>ValueTask&lt;Unit&gt;</c> (allocating nothing), <c>Task&lt;Unit&gt;</c>, <c>ValueTask</c> and <c>Task</c>, and can
    /// be awaited, so MediatR code that returned it from a <c>Task&lt;Unit&gt;</c> method compiles unchanged once that
    /// method returns <c>ValueTask&lt;Unit&gt;</c>, and still compiles where it does not.
    /// </summary>
    public static UnitTask Task => default;

    /// <inheritdoc />
    public bool Equals(Unit other) => true;

    /// <inheritdoc />
    public int CompareTo(Unit other) => 0;

    /// <summary>
    /// Compares with <paramref name="obj"/> as <see cref="IComparable"/> asks: 0 for a <see cref="Unit"/>, 1 for
    /// <see langword="null"/> (everything follows null). MediatR answers 0 for anything; a different type here throws, as
    /// the contract says, rather than claim an order with an unrelated object.
    /// </summary>
    /// <param name="obj">A boxed <see cref="Unit"/>, or null.</param>
    /// <exception cref="ArgumentException"><paramref name="obj"/> is neither null nor a <see cref="Unit"/>.</exception>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Unit => 0,
        _ => throw new ArgumentException("A Unit compares only with another Unit, not with '" + obj.GetType().FullName + "'.", nameof(obj)),
    };

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Unit;

    /// <inheritdoc />
    public override int GetHashCode() => 0;

    /// <inheritdoc />
    public override string ToString() => "()";

    /// <summary>Always <see langword="true"/>: there is one value.</summary>
    public static bool operator ==(Unit left, Unit right) => true;

    /// <summary>Always <see langword="false"/>: there is one value.</summary>
    public static bool operator !=(Unit left, Unit right) => false;
}
