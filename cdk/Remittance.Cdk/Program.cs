using Amazon.CDK;
using Remittance.Cdk;

// Run by the AWS CDK CLI (see ../cdk.json): `npx aws-cdk synth|deploy|destroy` from cdk/.
var app = new App();
RemittanceApp.Build(app);
app.Synth();
