using TokenPlatform.Domain.Common;

namespace TokenPlatform.Web.Components.Shared;

/// <summary>Field errors returned by a use case, looked up by field name in forms.</summary>
public sealed class FormErrors
{
    private IReadOnlyList<FieldError> _errors = [];

    public string? Summary { get; private set; }

    public bool Any => _errors.Count > 0 || Summary is not null;

    public void Clear()
    {
        _errors = [];
        Summary = null;
    }

    /// <summary>Shows a failed result: field messages on their fields, anything else as a summary.</summary>
    public void Show(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        _errors = error.Fields;
        Summary = error.Fields.Count == 0 ? error.Message : null;
    }

    public void Add(string field, string message) => _errors = [.. _errors, new FieldError(field, message)];

    public bool Has(string field) => _errors.Any(e => e.Field == field);

    public string? For(string field) => _errors.FirstOrDefault(e => e.Field == field)?.Message;

    /// <summary>Messages whose field has no input of its own (e.g. "Total").</summary>
    public IEnumerable<string> Unplaced(params string[] placedFields) => _errors.Where(e => !placedFields.Contains(e.Field)).Select(e => e.Message);
}
