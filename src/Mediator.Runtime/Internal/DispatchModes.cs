using System.ComponentModel;

namespace Mediator.Internal;

/// <summary>
/// Type argument of the generated pipeline steps when no <see cref="IDispatchObserver"/> is registered. The steps test
/// <c>typeof(TMode) == typeof(Observed)</c>; for a struct argument the JIT folds that test away, so the unobserved
/// pipeline carries no observer code at all. Not meant to be used from user code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct Unobserved
{
}

/// <summary>Type argument of the generated pipeline steps when an <see cref="IDispatchObserver"/> is registered. Not meant to be used from user code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct Observed
{
}
