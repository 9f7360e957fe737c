using System;
using System.Management.Automation;

namespace TrackingMore.Commands
{
    /// <summary>
    /// Makes objects safe to export as CSV for a spreadsheet: a text cell that starts with =, +, -, @, a tab or a
    /// carriage return (or their full-width forms) is what Excel, LibreOffice and Google Sheets run as a formula, and
    /// titles, customer names and carrier texts come from shop customers and carriers, not from the admin who opens the
    /// file. Such a cell gets a leading apostrophe, which spreadsheets read as "this is text" (the OWASP advice for
    /// CSV injection). It is a step of its own between the cmdlets and Export-Csv / ConvertTo-Csv rather than a change
    /// to the objects, so the objects keep the service's exact values for scripts, Set-Tracking and JSON.
    /// </summary>
    [Cmdlet(VerbsData.ConvertTo, "TrackingCsvSafe")]
    [OutputType(typeof(PSObject))]
    public sealed class ConvertToTrackingCsvSafeCommand : PSCmdlet
    {
        /// <summary>Any object: what a TrackingMore cmdlet wrote, or what Select-Object made of it.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [AllowNull]
        public PSObject? InputObject { get; set; }

        protected override void ProcessRecord()
        {
            if (InputObject == null) return;
            // The properties Export-Csv would write, in its order: hidden ones (AdditionalProperties) are not among them.
            var row = new PSObject();
            foreach (var property in InputObject.Properties)
            {
                object? value;
                try
                {
                    value = property.Value;
                }
                catch (GetValueException)
                {
                    // Export-Csv writes an empty cell for a property whose getter throws; so does this.
                    value = null;
                }
                row.Properties.Add(new PSNoteProperty(property.Name, SafeCell(value)));
            }
            WriteObject(row);
        }

        /// <summary>
        /// Numbers, dates, booleans and enums cannot carry a formula and keep their type (Export-Csv writes them as
        /// always); every other value becomes the text Export-Csv would write for it, neutralised.
        /// </summary>
        private static object? SafeCell(object? value)
        {
            var bare = value is PSObject wrapped ? wrapped.BaseObject : value;
            switch (bare)
            {
                case null:
                    return null;
                case string text:
                    return Neutralised(text);
                case DateTime _:
                case DateTimeOffset _:
                case TimeSpan _:
                case Guid _:
                case bool _:
                case decimal _:
                case Enum _:
                    return bare;
                default:
                    return bare.GetType().IsPrimitive ? bare : Neutralised(bare.ToString() ?? string.Empty);
            }
        }

        private static string Neutralised(string text) => text.Length > 0 && FormulaStarts.IndexOf(text[0]) >= 0 ? "'" + text : text;

        /// <summary>The first characters a spreadsheet takes for a formula: =, +, -, @, tab, CR, LF and the full-width =, +, -, @.</summary>
        private const string FormulaStarts = "=+-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20";
    }
}
