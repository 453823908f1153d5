namespace Mediator;

/// <summary>How the compiler reports a broken <see cref="MustRunInsideAttribute"/>, <see cref="MustRunOutsideAttribute"/> or <see cref="RequiresConcernAttribute"/> rule.</summary>
public enum RuleSeverity
{
    /// <summary>A warning: the build succeeds (unless warnings are errors).</summary>
    Warning = 0,

    /// <summary>An error: the build fails until the pipeline is put right or the diagnostic is suppressed.</summary>
    Error = 1,
}
