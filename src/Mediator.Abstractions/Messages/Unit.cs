using System;

namespace Mediator;

/// <summary>
/// The response of a request that has none. Middleware written for
/// <c>IRequest&lt;TResponse&gt;</c> sees void requests with <c>TResponse = Unit</c>.
/// </summary>
public readonly struct Unit : IEquatable<Unit>, IComparable<Unit>
{
    /// <summary>The only value of <see cref="Unit"/>.</summary>
    public static readonly Unit Value;

    /// <inheritdoc />
    public bool Equals(Unit other) => true;

    /// <inheritdoc />
    public int CompareTo(Unit other) => 0;

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
